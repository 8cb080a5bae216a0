using Aggregator.Normalizing.Dates;
using BenchmarkDotNet.Attributes;

namespace Aggregator.Benchmarks;

/// <summary>The date strings of the inputs (RFC 822, ISO 8601, the odd Chinese ones) through the feed date parser; mean is per date.</summary>
[MemoryDiagnoser]
public class DateParsingBenchmarks
{
    private const int PerInvoke = 1000;
    private string[] dates = [];

    [GlobalSetup]
    public void Setup() => dates = BenchmarkInputs.Instance.Dates;

    [Benchmark(OperationsPerInvoke = PerInvoke)]
    public int ParseFeedDate()
    {
        var parsed = 0;
        for (var i = 0; i < PerInvoke; i++)
        {
            if (FeedDateParser.Parse(dates[i % dates.Length]) is not null)
                parsed++;
        }

        return parsed;
    }

    [Benchmark(OperationsPerInvoke = PerInvoke)]
    public long ParseToUtcInShanghai()
    {
        long ticks = 0;
        for (var i = 0; i < PerInvoke; i++)
            ticks += FeedDateParser.ParseUtc(dates[i % dates.Length], Zone)?.UtcTicks ?? 0;
        return ticks;
    }

    private static DateZone Zone { get; } = new(TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"), CstIsChina: true);
}
