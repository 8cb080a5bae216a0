using Ganss.Xss;

namespace Aggregator.Normalizing.Html;

/// <summary>
/// What the fast path (<see cref="FastBody"/>) may handle on its own, taken from the configured
/// HtmlSanitizer so the two cannot disagree on what is allowed: a few tags whose place in the HTML5
/// tree builder is simple (no tables, forms, foreign content or raw-text elements other than the
/// script and style the sanitizer drops whole), and the sanitizer's own attribute lists. Anything
/// else sends the body to AngleSharp and HtmlSanitizer.
/// </summary>
internal sealed class FastBodyPolicy
{
    /// <summary>The tree builder's view of a tag, as far as the fast path needs it.</summary>
    [Flags]
    public enum Kinds
    {
        None = 0,
        /// <summary>No content and no end tag.</summary>
        Void = 1,
        /// <summary>Separates words in the plain text (<see cref="PlainText.IsBlock"/>).</summary>
        Block = 2,
        /// <summary>Its start tag closes an open &lt;p&gt; (the HTML5 "in body" rules).</summary>
        ClosesParagraph = 4,
        Paragraph = 8,
        Heading = 16,
        List = 32,
        ListItem = 64,
        /// <summary>&lt;a&gt; inside &lt;a&gt; runs the adoption agency.</summary>
        Anchor = 128,
        /// <summary>Raw text the sanitizer drops whole (script, style): skipped with its content.</summary>
        Dropped = 256,
    }

    /// <summary>What becomes of an attribute the sanitizer allows or not.</summary>
    public enum AttributeRule
    {
        /// <summary>Not allowed: the sanitizer removes it.</summary>
        Drop,
        /// <summary>Allowed, value kept as written.</summary>
        Keep,
        /// <summary>A URL the sanitizer checks and resolves.</summary>
        Url,
        /// <summary>An inline style the sanitizer parses as CSS.</summary>
        Style,
        /// <summary>Allowed but handled in ways the fast path does not copy (URL lists, srcdoc).</summary>
        Unsupported,
    }

    private static readonly (string Name, Kinds Kind)[] Candidates =
    [
        ("p", Kinds.ClosesParagraph | Kinds.Paragraph), ("div", Kinds.ClosesParagraph), ("blockquote", Kinds.ClosesParagraph),
        ("figure", Kinds.ClosesParagraph), ("figcaption", Kinds.ClosesParagraph),
        ("ul", Kinds.ClosesParagraph | Kinds.List), ("ol", Kinds.ClosesParagraph | Kinds.List), ("li", Kinds.ClosesParagraph | Kinds.ListItem),
        ("h1", Kinds.ClosesParagraph | Kinds.Heading), ("h2", Kinds.ClosesParagraph | Kinds.Heading), ("h3", Kinds.ClosesParagraph | Kinds.Heading),
        ("h4", Kinds.ClosesParagraph | Kinds.Heading), ("h5", Kinds.ClosesParagraph | Kinds.Heading), ("h6", Kinds.ClosesParagraph | Kinds.Heading),
        ("hr", Kinds.Void | Kinds.ClosesParagraph), ("br", Kinds.Void), ("img", Kinds.Void),
        ("span", Kinds.None), ("strong", Kinds.None), ("b", Kinds.None), ("em", Kinds.None), ("i", Kinds.None), ("u", Kinds.None),
        ("sub", Kinds.None), ("sup", Kinds.None), ("a", Kinds.Anchor),
        ("script", Kinds.Dropped), ("style", Kinds.Dropped),
    ];

    private readonly Dictionary<string, (string Name, Kinds Kind)>.AlternateLookup<ReadOnlySpan<char>> tags;
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> allowedAttributes;
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> uriAttributes;
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> uriListAttributes;
    private readonly bool allowDataAttributes;

    private FastBodyPolicy(HtmlSanitizer sanitizer, IEnumerable<(string Name, Kinds Kind)> tagKinds)
    {
        tags = tagKinds.ToDictionary(t => t.Name, t => t, StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
        allowedAttributes = Copy(sanitizer.AllowedAttributes);
        uriAttributes = Copy(sanitizer.UriAttributes);
        uriListAttributes = Copy(sanitizer.UriListAttributes);
        allowDataAttributes = sanitizer.AllowDataAttributes;
    }

    /// <summary>
    /// The fast path's policy for <paramref name="sanitizer"/>, or null when the sanitizer is configured
    /// in a way the fast path does not copy (http/https not allowed). Its events (FilterUrl, PostProcess…) are
    /// not seen: SanitizerPolicy only filters data: URLs, which the fast path never keeps.
    /// </summary>
    public static FastBodyPolicy? For(HtmlSanitizer sanitizer)
    {
        if (!sanitizer.AllowedSchemes.Contains("http") || !sanitizer.AllowedSchemes.Contains("https"))
            return null;
        // Only the tags the sanitizer allows are kept by it; script and style go whole before it runs (BodySanitizer).
        var tagKinds = Candidates
            .Where(t => t.Kind.HasFlag(Kinds.Dropped) || sanitizer.AllowedTags.Contains(t.Name))
            .Select(t => (t.Name, PlainText.IsBlock(t.Name) ? t.Kind | Kinds.Block : t.Kind));
        return new FastBodyPolicy(sanitizer, tagKinds);
    }

    /// <summary>The tag's name (one shared string) and kind, or false for a tag the fast path leaves to the sanitizer. <paramref name="name"/> is lower case.</summary>
    public bool TryGetTag(ReadOnlySpan<char> name, out (string Name, Kinds Kind) tag) => tags.TryGetValue(name, out tag);

    /// <summary>What the sanitizer does with the attribute <paramref name="name"/> (lower case).</summary>
    public AttributeRule RuleFor(ReadOnlySpan<char> name)
    {
        var allowed = allowedAttributes.Contains(name)
            || (allowDataAttributes && name.StartsWith("data-", StringComparison.OrdinalIgnoreCase));
        if (!allowed)
            return AttributeRule.Drop;
        if (name.SequenceEqual("style"))
            return AttributeRule.Style;
        if (name.SequenceEqual("srcdoc") || uriListAttributes.Contains(name))
            return AttributeRule.Unsupported;
        return uriAttributes.Contains(name) ? AttributeRule.Url : AttributeRule.Keep;
    }

    private static HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Copy(IEnumerable<string> names) =>
        new HashSet<string>(names, StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();
}
