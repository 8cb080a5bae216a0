using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Ganss.Xss;

namespace Aggregator.Normalizing.Html;

/// <summary>
/// Sanitizes entry bodies with one configured HtmlSanitizer (thread-safe: one instance serves every
/// thread). Parses once and does the rest on the same DOM: sanitize, drop tracking pixels, find
/// the first image, extract the text.
/// </summary>
internal sealed class BodySanitizer
{
    private readonly HtmlSanitizer sanitizer = SanitizerPolicy.Create();

    /// <summary>Sanitizes <paramref name="html"/>, making relative URLs absolute against <paramref name="baseUri"/>.</summary>
    public SanitizedBody Sanitize(string? html, Uri? baseUri)
    {
        if (string.IsNullOrWhiteSpace(html))
            return SanitizedBody.Empty;

        using var document = sanitizer.HtmlParserFactory().ParseDocument("<!doctype html><html><body>" + html);
        if (document.Body is not { } body)
            return SanitizedBody.Empty;

        var styles = StylePreserver.Record(body);
        sanitizer.SanitizeDom(document, body, baseUri?.AbsoluteUri ?? string.Empty);
        StylePreserver.Restore(styles);
        var firstImage = DropTrackingPixels(body);
        ProtectOpener(body);

        return new SanitizedBody(body.ChildNodes.ToHtml(CompactAttributeFormatter.Instance), PlainText.Of(body), firstImage);
    }

    /// <summary>Removes tracking pixels and images whose src the sanitizer took away; returns the src of the first image left.</summary>
    private static string? DropTrackingPixels(IHtmlElement body)
    {
        string? first = null;
        foreach (var image in body.QuerySelectorAll("img").ToList())
        {
            var src = image.GetAttribute("src");
            var isPixel = TrackingPixels.IsPixelSize(image.GetAttribute("width")) || TrackingPixels.IsPixelSize(image.GetAttribute("height"))
                || (Uri.TryCreate(src, UriKind.Absolute, out var uri) && uri.Scheme.StartsWith("http", StringComparison.Ordinal) && TrackingPixels.IsTracker(uri));
            if (isPixel || (string.IsNullOrEmpty(src) && !image.HasAttribute("srcset")))
                image.Remove();
            else if (first is null && !string.IsNullOrEmpty(src) && Uri.TryCreate(src, UriKind.Absolute, out var absolute)
                     && absolute.Scheme.StartsWith("http", StringComparison.Ordinal))
                first = src;
        }

        return first;
    }

    /// <summary>A link that opens a new tab must not hand the reader's page to the target (window.opener).</summary>
    private static void ProtectOpener(IHtmlElement body)
    {
        foreach (var link in body.QuerySelectorAll("a[target]"))
            link.SetAttribute("rel", "noopener noreferrer");
    }
}
