using System.Text.Json.Serialization;

namespace Aggregator.Scheduling.Clustering;

/// <summary>
/// The clustered job store's string maps, serialized by code generated at build time (the native build
/// cannot serialize by reflection).
/// </summary>
[JsonSerializable(typeof(Dictionary<string, string?>))]
internal sealed partial class JobDataJsonContext : JsonSerializerContext;
