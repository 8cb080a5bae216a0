namespace Aggregator.Configuration.Json;

/// <summary>A 1-based line and column; columns count UTF-16 characters, as editors do, not bytes.</summary>
internal readonly record struct TextPosition(int Line, int Column);
