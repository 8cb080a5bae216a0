using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace Aggregator.Normalizing.Html;

/// <summary>
/// AngleSharp's standard attribute observer, minus one reaction: when an image's src, srcset, sizes
/// or crossorigin changes (HtmlSanitizer rewrites every src to an absolute URL) AngleSharp picks the
/// image candidate again and asks the resource loader for it. There is no loader here, so that work
/// only parses URLs and changes nothing in the document; every other reaction (class lists, base
/// URLs, links, …) goes through unchanged.
/// </summary>
internal sealed class QuietImageObserver(IAttributeObserver standard) : IAttributeObserver
{
    public void NotifyChange(IElement host, string name, string? value)
    {
        if (host is IHtmlImageElement && name is "src" or "srcset" or "sizes" or "crossorigin")
            return;
        standard.NotifyChange(host, name, value);
    }
}
