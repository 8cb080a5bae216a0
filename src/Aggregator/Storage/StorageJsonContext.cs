using System.Text.Json.Serialization;

namespace Aggregator.Storage;

/// <summary>
/// The JSON arrays the SQLite reads pass as one parameter (json_each), serialized by generated code so
/// they need no reflection under native AOT. Default options, so the text is what
/// <c>JsonSerializer.Serialize</c> wrote before. The [seq, id] pairs are object arrays; their elements'
/// runtime types (long, string) are listed so the generated code can write them.
/// </summary>
[JsonSerializable(typeof(long[]))]
[JsonSerializable(typeof(object[][]))]
[JsonSerializable(typeof(long))]
[JsonSerializable(typeof(string))]
internal sealed partial class StorageJsonContext : JsonSerializerContext;
