using Aggregator.Parsing.Extensions;

namespace Aggregator.Parsing.Atom;

/// <summary>An Atom feed as written; entries are added as each one closes.</summary>
internal sealed class AtomFeed
{
    public AtomText? Title { get; set; }
    public List<AtomLink>? Links { get; set; }
    public string? Author { get; set; }
    public string? Language { get; set; }
    public EntryExtensions Extensions { get; } = new();
    public List<AtomEntry> Entries { get; } = [];
}
