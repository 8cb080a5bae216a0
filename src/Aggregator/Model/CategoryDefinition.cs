namespace Aggregator.Model;

/// <summary>A category and the ASCII slug of its stable URL (<c>feeds/&lt;slug&gt;.atom</c>).</summary>
internal sealed record CategoryDefinition(string Name, string Slug);
