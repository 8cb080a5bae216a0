namespace Aggregator.Model;

/// <summary>Validators remembered from the last successful poll, sent back for a conditional GET.</summary>
internal sealed record FetchConditions(string? ETag, string? LastModified)
{
    public static FetchConditions None { get; } = new(null, null);
}
