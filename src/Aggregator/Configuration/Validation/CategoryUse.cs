using Aggregator.Configuration.Json;

namespace Aggregator.Configuration.Validation;

/// <summary>A category name where a source first uses it.</summary>
internal sealed record CategoryUse(string Name, TextPosition Position);
