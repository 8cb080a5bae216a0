using System.Text.RegularExpressions;
using Ganss.Xss;

namespace Aggregator.Normalizing.Html;

/// <summary>
/// The HtmlSanitizer configuration for a reader's page: HtmlSanitizer's defaults (which already drop
/// script, style, iframe, object, embed, event handlers and non-http URLs) minus forms and
/// <c>position</c>, plus media elements and the attributes Chinese CMS bodies carry (the seed's
/// <c>data-*</c>, <c>_width</c>, <c>oldsrc</c>, <c>draggable</c>, <c>referrerpolicy</c>).
/// </summary>
internal static partial class SanitizerPolicy
{
    private static readonly string[] FormTags =
        ["form", "input", "button", "select", "option", "optgroup", "textarea", "keygen", "datalist", "output", "fieldset", "legend", "label", "menu", "menuitem"];

    private static readonly string[] MediaTags = ["picture", "source", "video", "audio", "figure", "figcaption"];

    private static readonly string[] ExtraAttributes =
        ["_width", "oldsrc", "draggable", "referrerpolicy", "loading", "decoding", "srcset", "sizes", "poster", "controls", "data-src"];

    /// <summary>Image types a data: URL may carry in an img src (SVG excluded: it can script when opened on its own).</summary>
    [GeneratedRegex(@"^data:image/(png|jpe?g|gif|webp|avif|bmp);", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex InlineImage();

    /// <summary>CSS values that can run code in some browser, whatever the property.</summary>
    [GeneratedRegex(@"[<>]|expression|javascript|vbscript|-moz-binding|behavior", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DangerousCss();

    public static HtmlSanitizer Create()
    {
        var sanitizer = new HtmlSanitizer();
        foreach (var tag in FormTags)
            sanitizer.AllowedTags.Remove(tag);
        foreach (var tag in MediaTags)
            sanitizer.AllowedTags.Add(tag);
        foreach (var attribute in ExtraAttributes)
            sanitizer.AllowedAttributes.Add(attribute);
        sanitizer.AllowDataAttributes = true;
        // An element we do not allow (blink, font-less legacy tags, form controls) loses its tag, not its
        // words; the elements whose content is code or a frame go whole first (BodyPreparation).
        sanitizer.KeepChildNodes = true;
        sanitizer.UriAttributes.Add("poster");
        sanitizer.AllowedCssProperties.Remove("position");
        sanitizer.DisallowCssPropertyValue = DangerousCss();
        sanitizer.AllowedSchemes.Add("data");
        sanitizer.AllowedSchemes.Add("mailto");
        sanitizer.FilterUrl += (_, e) =>
        {
            // data: is allowed as a scheme only to let inline raster images through; anything else goes.
            if (e.SanitizedUrl is { } url && url.StartsWith("data:", StringComparison.OrdinalIgnoreCase)
                && !(e.Tag.LocalName == "img" && InlineImage().IsMatch(url)))
                e.SanitizedUrl = null;
        };
        return sanitizer;
    }
}
