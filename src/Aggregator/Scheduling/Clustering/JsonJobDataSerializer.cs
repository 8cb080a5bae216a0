using System.Collections.Specialized;
using System.Text.Json;
using Quartz;
using Quartz.Spi;

namespace Aggregator.Scheduling.Clustering;

/// <summary>
/// What the clustered job store writes into its bytea columns, as JSON through System.Text.Json.
/// Our job data is strings only (a source id) and the store runs with <c>UseProperties</c>, so
/// Quartz hands over string maps (<see cref="NameValueCollection"/>, or a <see cref="JobDataMap"/>
/// of strings); anything else is refused with a readable error instead of being written half-way.
/// </summary>
internal sealed class JsonJobDataSerializer : IObjectSerializer
{
    public void Initialize()
    {
        // Nothing to set up: System.Text.Json needs no configuration for string maps.
    }

    public byte[] Serialize<T>(T obj) where T : class => obj switch
    {
        NameValueCollection collection => JsonSerializer.SerializeToUtf8Bytes(ToDictionary(collection), JobDataJsonContext.Default.DictionaryStringString),
        JobDataMap map => JsonSerializer.SerializeToUtf8Bytes(ToDictionary(map), JobDataJsonContext.Default.DictionaryStringString),
        _ => throw new NotSupportedException($"scheduling: the clustered job store stores only string job data, not {obj.GetType().Name}."),
    };

    public T? DeSerialize<T>(byte[] data) where T : class
    {
        var values = data.Length == 0 ? [] : JsonSerializer.Deserialize(data, JobDataJsonContext.Default.DictionaryStringString) ?? [];
        if (typeof(T).IsAssignableFrom(typeof(NameValueCollection)))
        {
            var collection = new NameValueCollection(StringComparer.Ordinal);
            foreach (var (key, value) in values)
                collection[key] = value;
            return (T)(object)collection;
        }

        if (typeof(T).IsAssignableFrom(typeof(JobDataMap)))
        {
            var map = new JobDataMap();
            foreach (var (key, value) in values)
                map[key] = value!;
            return (T)(object)map;
        }

        throw new NotSupportedException($"scheduling: the clustered job store reads only string job data, not {typeof(T).Name}.");
    }

    private static Dictionary<string, string?> ToDictionary(NameValueCollection collection) =>
        collection.AllKeys.Where(key => key is not null).ToDictionary(key => key!, key => collection[key], StringComparer.Ordinal);

    private static Dictionary<string, string?> ToDictionary(JobDataMap map) =>
        map.ToDictionary(pair => pair.Key, pair => pair.Value switch
        {
            null => null,
            string text => text,
            var other => throw new NotSupportedException($"scheduling: job data '{pair.Key}' is a {other.GetType().Name}; the clustered job store keeps strings only."),
        }, StringComparer.Ordinal);
}
