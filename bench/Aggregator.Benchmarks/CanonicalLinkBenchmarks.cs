using Aggregator.Normalizing.Links;
using BenchmarkDotNet.Attributes;

namespace Aggregator.Benchmarks;

/// <summary>Entry links of the inputs (utm_* and other tracking parameters, relative links) to their canonical form; mean is per link.</summary>
[MemoryDiagnoser]
public class CanonicalLinkBenchmarks
{
    private const int PerInvoke = 1000;
    private (string Link, Uri? Base)[] links = [];

    [GlobalSetup]
    public void Setup() => links = BenchmarkInputs.Instance.Links;

    [Benchmark(OperationsPerInvoke = PerInvoke)]
    public int Canonicalize()
    {
        var length = 0;
        for (var i = 0; i < PerInvoke; i++)
        {
            var (link, baseUri) = links[i % links.Length];
            length += CanonicalLink.Normalize(link, baseUri)?.Length ?? 0;
        }

        return length;
    }
}
