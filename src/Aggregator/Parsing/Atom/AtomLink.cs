namespace Aggregator.Parsing.Atom;

/// <summary>An atom:link as written, href already resolved against xml:base.</summary>
internal readonly record struct AtomLink(string Rel, string Href, string? Type, long? Length);
