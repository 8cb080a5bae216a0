using System.Buffers;
using System.Text;
using Kinds = Aggregator.Normalizing.Html.FastBodyPolicy.Kinds;

namespace Aggregator.Normalizing.Html;

/// <summary>
/// The fast path of <see cref="BodySanitizer"/>: one pass over a body that proves it is a plain,
/// well-nested document of the tags <see cref="FastBodyPolicy"/> lists, and writes what AngleSharp and
/// HtmlSanitizer would write for it — the same HTML, text and first image, byte for byte. It is not a
/// sanitizer: it refuses (returns false) at the first thing whose handling it does not copy exactly —
/// a character reference, a comment, an unknown or foreign tag, mis-nesting the tree builder would
/// repair, an end tag that does not close the current element, a URL that is neither http(s) nor
/// plainly relative, a style other than a text alignment — and the body then goes the whole way
/// through the real parser and sanitizer. What it writes is built only from allowed tags and
/// attributes it has checked, so a refusal it should have made cannot let markup through.
/// Tests hold it to the sanitizer's output on the generated corpus, the recorded feeds and the XSS vectors.
/// </summary>
internal sealed partial class FastBody
{
    /// <summary>Deeper bodies go to the sanitizer (far below <see cref="NestingGuard.MaxDepth"/>).</summary>
    private const int MaxDepth = 64;

    /// <summary>Builders kept larger than this are not kept for the next body.</summary>
    private const int KeptCapacity = 1 << 16;

    /// <summary>One writer per thread, its builders and lists reused from body to body: only the results are allocated.</summary>
    [ThreadStatic]
    private static FastBody? spare;

    private static readonly SearchValues<char> Controls = SearchValues.Create(
        Enumerable.Range(0, ' ').Select(c => (char)c).Where(c => c is not ('\t' or '\n')).ToArray());

    private readonly StringBuilder output = new();
    private readonly StringBuilder text = new();
    private readonly List<(string Name, Kinds Kind)> open = [];
    private readonly List<Attribute> attributes = [];
    private FastBodyPolicy policy = null!;
    private string html = string.Empty;
    private Uri? baseUri;
    private bool pendingSpace;
    private int paragraphs;
    private int headings;
    private int anchors;
    private string? firstImage;
    private int position;

    /// <summary>The body as the sanitizer would give it, or false when only the sanitizer can tell.</summary>
    public static bool TryRender(FastBodyPolicy policy, string html, Uri? baseUri, out SanitizedBody body)
    {
        var writer = spare ?? new FastBody();
        spare = null;
        writer.Reset(policy, html, baseUri);
        body = writer.Run() ? new SanitizedBody(writer.output.ToString(), writer.text.ToString(), writer.firstImage) : SanitizedBody.Empty;
        if (writer.output.Capacity <= KeptCapacity && writer.text.Capacity <= KeptCapacity)
        {
            writer.Reset(policy, string.Empty, null);
            spare = writer;
        }

        return body != SanitizedBody.Empty;
    }

    private void Reset(FastBodyPolicy policy, string html, Uri? baseUri)
    {
        (this.policy, this.html, this.baseUri) = (policy, html, baseUri);
        output.Clear();
        text.Clear();
        open.Clear();
        attributes.Clear();
        (pendingSpace, paragraphs, headings, anchors, firstImage, position) = (false, 0, 0, 0, null, 0);
    }

    private bool Run()
    {
        while (position < html.Length)
        {
            var c = html[position];
            var ok = c switch
            {
                '<' when position + 1 < html.Length && html[position + 1] == '/' => EndTag(),
                '<' when position + 1 < html.Length && char.IsAsciiLetter(html[position + 1]) => StartTag(),
                '<' or '&' => false,
                _ => Text(),
            };
            if (!ok)
                return false;
        }

        // Elements left open at the end are closed by the serializer.
        for (var i = open.Count - 1; i >= 0; i--)
            output.Append("</").Append(open[i].Name).Append('>');
        return true;
    }

    /// <summary>A run of text up to the next '&lt;' or '&amp;': copied, '&gt;' escaped as the serializer does.</summary>
    private bool Text()
    {
        var start = position;
        var end = html.AsSpan(start).IndexOfAny('<', '&');
        end = end < 0 ? html.Length : start + end;
        var run = html.AsSpan(start, end - start);
        if (!IsPlainText(run))
            return false;
        for (var rest = run; ;)
        {
            var greater = rest.IndexOf('>');
            if (greater < 0)
            {
                output.Append(rest);
                break;
            }

            output.Append(rest[..greater]).Append("&gt;");
            rest = rest[(greater + 1)..];
        }

        PlainText.AppendCollapsed(text, run, ref pendingSpace);
        position = end;
        return true;
    }

    private bool EndTag()
    {
        var nameStart = position + 2;
        var nameEnd = NameEnd(nameStart);
        var close = SkipSpace(nameEnd);
        if (nameEnd == nameStart || close >= html.Length || html[close] != '>')
            return false;
        Span<char> lower = stackalloc char[Math.Min(nameEnd - nameStart, 16)];
        if (!Lower(html.AsSpan(nameStart, nameEnd - nameStart), lower) || !policy.TryGetTag(lower, out var tag)
            || (tag.Kind & (Kinds.Void | Kinds.Dropped)) != 0 || open.Count == 0 || !ReferenceEquals(tag.Name, open[^1].Name))
            return false;

        var kind = tag.Kind;
        open.RemoveAt(open.Count - 1);
        Count(kind, -1);
        output.Append("</").Append(tag.Name).Append('>');
        if (kind.HasFlag(Kinds.Block))
            pendingSpace = text.Length > 0;
        position = close + 1;
        return true;
    }

    private bool StartTag()
    {
        var nameStart = position + 1;
        var nameEnd = NameEnd(nameStart);
        Span<char> lower = stackalloc char[Math.Min(nameEnd - nameStart, 16)];
        if (!Lower(html.AsSpan(nameStart, nameEnd - nameStart), lower) || !policy.TryGetTag(lower, out var tag)
            || !ReadAttributes(nameEnd, out var close, out var selfClosing) || (selfClosing && !tag.Kind.HasFlag(Kinds.Void)))
            return false;
        position = close + 1;
        var (name, kind) = tag;
        if (kind.HasFlag(Kinds.Dropped))
            return SkipRawText(name);

        // The tree builder's repairs the fast path does not copy: a block opened inside a paragraph closes
        // it, a heading inside a heading closes it, a list item outside a list, a link inside a link.
        if ((kind.HasFlag(Kinds.ClosesParagraph) && paragraphs > 0) || (kind.HasFlag(Kinds.Heading) && headings > 0)
            || (kind.HasFlag(Kinds.ListItem) && (open.Count == 0 || !open[^1].Kind.HasFlag(Kinds.List)))
            || (kind.HasFlag(Kinds.Anchor) && anchors > 0) || open.Count >= MaxDepth)
            return false;

        if (!WriteElement(name, kind))
            return false;
        if (kind.HasFlag(Kinds.Block))
            pendingSpace = text.Length > 0;
        if (!kind.HasFlag(Kinds.Void))
        {
            open.Add((name, kind));
            Count(kind, +1);
        }

        return true;
    }

    /// <summary>After &lt;script&gt; or &lt;style&gt;: skips the content and the end tag, as the sanitizer drops both whole.</summary>
    private bool SkipRawText(string name)
    {
        for (var i = html.IndexOf("</", position, StringComparison.Ordinal); i >= 0; i = html.IndexOf("</", i + 2, StringComparison.Ordinal))
        {
            var after = i + 2 + name.Length;
            if (after >= html.Length)
                return false;
            // Only "</script" (any case) followed by space, '/' or '>' ends script data, and likewise for style.
            if (!html.AsSpan(i + 2, name.Length).Equals(name, StringComparison.OrdinalIgnoreCase) || html[after] is not (' ' or '\t' or '\n' or '\f' or '/' or '>'))
                continue;
            // Script data with "<!--" has escape states where "</script>" may not end it; an end tag with attributes is odd too.
            if (html.AsSpan(position, i - position).Contains("<!--", StringComparison.Ordinal) || html[after] != '>')
                return false;
            position = after + 1;
            return true;
        }

        return false;
    }

    private void Count(Kinds kind, int delta)
    {
        if (kind.HasFlag(Kinds.Paragraph))
            paragraphs += delta;
        if (kind.HasFlag(Kinds.Heading))
            headings += delta;
        if (kind.HasFlag(Kinds.Anchor))
            anchors += delta;
    }

    /// <summary>Text the tokenizer passes through unchanged: no NUL, CR (newline normalization) or other control characters, no lone surrogates.</summary>
    private static bool IsPlainText(ReadOnlySpan<char> run)
    {
        if (run.ContainsAny(Controls))
            return false;
        var surrogate = run.IndexOfAnyInRange('\uD800', '\uDFFF');
        if (surrogate < 0)
            return true;
        for (var i = surrogate; i < run.Length; i++)
        {
            var c = run[i];
            if (char.IsHighSurrogate(c) && (i + 1 >= run.Length || !char.IsLowSurrogate(run[++i])))
                return false;
            if (char.IsLowSurrogate(c))
                return false;
        }

        return true;
    }

    /// <summary>End of an ASCII tag or attribute name (letters, digits, '-', '_') starting at <paramref name="start"/>.</summary>
    private int NameEnd(int start)
    {
        var i = start;
        while (i < html.Length && (char.IsAsciiLetterOrDigit(html[i]) || html[i] is '-' or '_'))
            i++;
        return i;
    }

    private int SkipSpace(int i)
    {
        while (i < html.Length && html[i] is ' ' or '\t' or '\n' or '\f')
            i++;
        return i;
    }

    /// <summary>ASCII lower case of <paramref name="name"/> into <paramref name="into"/> (same length); false when it does not fit.</summary>
    private static bool Lower(ReadOnlySpan<char> name, Span<char> into)
    {
        if (name.Length == 0 || name.Length != into.Length)
            return false;
        for (var i = 0; i < name.Length; i++)
            into[i] = char.ToLowerInvariant(name[i]);
        return true;
    }
}
