using Aggregator.Parsing.Extensions;

namespace Aggregator.Parsing.Atom;

/// <summary>An Atom 0.3 or 1.0 entry as written: the XML shape, before mapping.</summary>
internal sealed class AtomEntry
{
    public string? Id { get; set; }
    public AtomText? Title { get; set; }
    public List<AtomLink>? Links { get; set; }
    public List<string>? Authors { get; set; }
    public string? Published { get; set; }
    public string? Updated { get; set; }
    public string? Created { get; set; }
    public List<string>? Categories { get; set; }
    public AtomText? Content { get; set; }
    public AtomText? Summary { get; set; }
    public string? SourceTitle { get; set; }
    public string? BaseUri { get; set; }
    public EntryExtensions Extensions { get; } = new();
}
