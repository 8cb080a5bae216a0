namespace Aggregator.Configuration.Json;

/// <summary>One property of a JSON object, with where its key was written.</summary>
internal sealed record LocatedMember(string Name, TextPosition NamePosition, LocatedValue Value);
