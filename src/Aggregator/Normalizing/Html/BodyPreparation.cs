using AngleSharp.Dom;

namespace Aggregator.Normalizing.Html;

/// <summary>
/// The clean-up before HtmlSanitizer sees the DOM, in one walk over the body's elements (three CSS
/// queries did it before, each a walk of its own): elements whose content is code, another page or
/// drawing instructions go whole, lazy images get their real src (<see cref="LazyImages"/>), and
/// the authors' inline styles are noted for <see cref="StylePreserver"/>.
/// </summary>
internal static class BodyPreparation
{
    /// <summary>
    /// Elements removed with everything inside (and <c>param</c> directly in an <c>object</c>): with
    /// <see cref="SanitizerPolicy"/>'s KeepChildNodes the sanitizer would otherwise keep their text.
    /// </summary>
    private static readonly HashSet<string> DropWhole = new(StringComparer.Ordinal)
    {
        "script", "style", "noscript", "template", "iframe", "frame", "frameset", "svg", "math", "head", "title",
    };

    /// <summary>Prepares <paramref name="body"/> in place; returns the inline styles of the elements kept, in document order.</summary>
    public static List<(IElement Element, string Style)> Prepare(IElement body)
    {
        var styles = new List<(IElement, string)>();
        // Iterative: untrusted HTML may nest deeper than the stack allows.
        var pending = new Stack<IElement>();
        PushChildren(body, pending);
        while (pending.Count > 0)
        {
            var element = pending.Pop();
            var name = element.LocalName;
            if (DropWhole.Contains(name) || (name == "param" && element.ParentElement?.LocalName == "object"))
            {
                element.Remove();
                continue;
            }

            if (name == "img")
                LazyImages.Promote(element);
            if (element.GetAttribute("style") is { } style)
                styles.Add((element, style));
            PushChildren(element, pending);
        }

        return styles;
    }

    private static void PushChildren(IElement parent, Stack<IElement> pending)
    {
        // ChildNodes, not Children: the node list is indexed directly, the element collection walks to each index.
        var children = parent.ChildNodes;
        for (var i = children.Length - 1; i >= 0; i--)
        {
            if (children[i] is IElement child)
                pending.Push(child);
        }
    }
}
