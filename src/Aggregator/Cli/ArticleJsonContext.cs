using System.Text.Json.Serialization;

namespace Aggregator.Cli;

/// <summary>
/// `parse --json`'s serializer, generated at build time: the native (AOT) build cannot serialize by
/// reflection, and the generated code is what both builds run, so their output is the same.
/// </summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(ArticleJson))]
internal sealed partial class ArticleJsonContext : JsonSerializerContext;
