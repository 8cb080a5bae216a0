using System.Security.Cryptography;
using System.Text;
using Aggregator.Model;

namespace Aggregator.Scheduling.Clustering;

/// <summary>
/// A hash of what the Quartz schedule is built from: each source's id, whether it is enabled, and its
/// schedule. Nodes that loaded the same feeds.json compute the same hash; only a change to these
/// needs the shared schedule rebuilt.
/// </summary>
internal static class ScheduleContentHash
{
    public static string Of(AggregatorSettings settings)
    {
        var text = new StringBuilder();
        foreach (var source in settings.Sources.OrderBy(s => s.Id, StringComparer.Ordinal))
            text.Append(source.Id).Append('\n').Append(source.Enabled ? '1' : '0').Append('\n').Append(source.Schedule).Append('\n');
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
