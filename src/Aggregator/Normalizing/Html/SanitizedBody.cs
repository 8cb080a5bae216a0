namespace Aggregator.Normalizing.Html;

/// <summary>What one pass over an entry's body yields: safe HTML, its text, and its first image.</summary>
/// <param name="Html">Sanitized HTML with absolute URLs.</param>
/// <param name="PlainText">The readable text, white space collapsed.</param>
/// <param name="FirstImage">Absolute URL of the first image that is not a tracking pixel, or null.</param>
internal sealed record SanitizedBody(string Html, string PlainText, string? FirstImage)
{
    public static SanitizedBody Empty { get; } = new(string.Empty, string.Empty, null);
}
