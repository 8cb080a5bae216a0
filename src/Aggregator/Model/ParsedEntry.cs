namespace Aggregator.Model;

/// <summary>
/// One entry as found in the document. Text fields are raw: titles may still hold markup or
/// entities, bodies are unsanitized HTML, dates are the strings as written (the normalizer reads
/// them with the source's time zone).
/// </summary>
internal sealed record ParsedEntry
{
    /// <summary>guid / atom:id / rdf:about as written.</summary>
    public string? Id { get; init; }
    public string? Title { get; init; }
    /// <summary>True when the title is declared or known to be HTML (Atom type="html"/"xhtml").</summary>
    public bool TitleIsHtml { get; init; }
    /// <summary>The permalink (rel=alternate, or link, or a permalink guid), resolved against xml:base.</summary>
    public string? Link { get; init; }
    public IReadOnlyList<string> Authors { get; init; } = [];
    public string? Published { get; init; }
    public string? Updated { get; init; }
    public IReadOnlyList<string> Categories { get; init; } = [];
    /// <summary>content:encoded or Atom content (HTML).</summary>
    public string? Content { get; init; }
    /// <summary>description / summary (HTML).</summary>
    public string? Summary { get; init; }
    /// <summary>Image candidates in the order the article model's precedence needs them.</summary>
    public IReadOnlyList<MediaReference> Media { get; init; } = [];
    public string? CommentsUrl { get; init; }
    /// <summary>The effective xml:base of the entry's content, when the document set one.</summary>
    public string? BaseUri { get; init; }
    /// <summary>Title of atom:source, when the entry was itself aggregated elsewhere.</summary>
    public string? SourceTitle { get; init; }
}
