namespace Aggregator.Configuration.Json;

/// <summary>Why and where the text stopped being JSON.</summary>
internal sealed record JsonSyntaxError(TextPosition Position, string Message);
