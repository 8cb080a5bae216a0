using System.Buffers;
using System.Text;
using AngleSharp.Dom;

namespace Aggregator.Normalizing.Html;

/// <summary>The readable text of HTML: text nodes in order, blocks apart, white space collapsed.</summary>
internal static class PlainText
{
    private static readonly HashSet<string> Blocks = new(StringComparer.OrdinalIgnoreCase)
    {
        "address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt", "figcaption", "figure", "footer",
        "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "ol", "p", "pre", "section", "table", "td", "th", "tr", "ul",
    };

    /// <summary>A builder grown beyond this many characters (an unusually long body) is not kept for the next one.</summary>
    private const int MaxCachedCapacity = 64 * 1024;

    /// <summary>Nor a stack grown beyond this many nodes.</summary>
    private const int MaxCachedStack = 4096;

    [ThreadStatic]
    private static StringBuilder? cachedBuilder;

    [ThreadStatic]
    private static Stack<(INode Node, bool Closing)>? cachedStack;

    /// <summary>Exactly the characters <see cref="char.IsWhiteSpace(char)"/> accepts.</summary>
    private static readonly SearchValues<char> WhiteSpace =
        SearchValues.Create(Enumerable.Range(0, char.MaxValue + 1).Select(c => (char)c).Where(char.IsWhiteSpace).ToArray());

    /// <summary>
    /// Text of <paramref name="root"/>'s descendants; blocks are separated by one space. When given,
    /// <paramref name="visit"/> sees every element first (in document order) and may drop it by
    /// returning false — so one walk over the tree serves the text and the caller's clean-up.
    /// </summary>
    public static string Of(INode root, Func<IElement, bool>? visit = null)
    {
        // White space is collapsed on the way in: one builder, no second pass over the text. The builder
        // and the walk's stack are the thread's own, reused: grown anew for every body they were ~6 KB
        // of garbage a body (~80 MB over the benchmark corpus).
        var builder = cachedBuilder ?? new StringBuilder(1024);
        var stack = cachedStack ?? new Stack<(INode Node, bool Closing)>(64);
        cachedBuilder = null;
        cachedStack = null;
        Append(root, builder, stack, visit);
        var text = builder.ToString();
        if (builder.Capacity <= MaxCachedCapacity)
            cachedBuilder = builder.Clear();
        stack.Clear(); // lets the document's nodes go
        if (stack.EnsureCapacity(0) <= MaxCachedStack)
            cachedStack = stack;
        return text;
    }

    /// <summary>True for the elements whose edges separate words.</summary>
    public static bool IsBlock(string localName) => Blocks.Contains(localName);

    /// <summary>Runs of white space become one space; leading and trailing space goes.</summary>
    public static string Collapse(string text)
    {
        var builder = new StringBuilder(text.Length);
        var pendingSpace = false;
        AppendCollapsed(builder, text, ref pendingSpace);
        return builder.ToString();
    }

    /// <summary>Appends <paramref name="text"/> with its white space collapsed, carrying a pending space across calls.</summary>
    internal static void AppendCollapsed(StringBuilder builder, ReadOnlySpan<char> text, ref bool pendingSpace)
    {
        // Word by word: the words are copied whole, a space is written only before the next word.
        while (text.Length > 0)
        {
            var space = text.IndexOfAny(WhiteSpace);
            var word = space < 0 ? text : text[..space];
            if (word.Length > 0)
            {
                if (pendingSpace)
                    builder.Append(' ');
                pendingSpace = false;
                builder.Append(word);
            }

            if (space < 0)
                return;
            pendingSpace = builder.Length > 0;
            text = text[(space + 1)..];
        }
    }

    private static void Append(INode node, StringBuilder builder, Stack<(INode Node, bool Closing)> stack, Func<IElement, bool>? visit)
    {
        // Iterative: untrusted HTML may nest deeper than the stack allows.
        var pendingSpace = false;
        for (var i = node.ChildNodes.Length - 1; i >= 0; i--)
            stack.Push((node.ChildNodes[i], false));
        while (stack.Count > 0)
        {
            var (current, closing) = stack.Pop();
            if (closing)
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (current is IText text)
            {
                AppendCollapsed(builder, text.Data, ref pendingSpace);
                continue;
            }

            if (current is not IElement element)
                continue;
            if (visit is not null && !visit(element))
            {
                element.Remove();
                continue;
            }

            var block = Blocks.Contains(element.LocalName);
            if (block)
            {
                pendingSpace = builder.Length > 0;
                stack.Push((current, true));
            }

            for (var i = current.ChildNodes.Length - 1; i >= 0; i--)
                stack.Push((current.ChildNodes[i], false));
        }
    }
}
