using Aggregator.Normalizing.Identity;
using BenchmarkDotNet.Attributes;

namespace Aggregator.Benchmarks;

/// <summary>The story identity of the inputs: title keys (folding, boilerplate, numbers) and the SimHash body fingerprint of the sanitized plain text; mean is per title or body.</summary>
[MemoryDiagnoser]
public class FingerprintBenchmarks
{
    private const int PerInvoke = 1000;
    private string[] titles = [];
    private string[] texts = [];

    [GlobalSetup]
    public void Setup()
    {
        titles = BenchmarkInputs.Instance.Titles;
        texts = BenchmarkInputs.Instance.PlainTexts;
    }

    [Benchmark(OperationsPerInvoke = PerInvoke)]
    public int TitleKey()
    {
        var length = 0;
        for (var i = 0; i < PerInvoke; i++)
            length += StoryIdentity.TitleKey(titles[i % titles.Length], null).Length;
        return length;
    }

    [Benchmark(OperationsPerInvoke = PerInvoke)]
    public ulong BodyFingerprint()
    {
        ulong mixed = 0;
        for (var i = 0; i < PerInvoke; i++)
            mixed ^= StoryIdentity.Fingerprint(texts[i % texts.Length]);
        return mixed;
    }

    [Benchmark(OperationsPerInvoke = PerInvoke)]
    public ulong SimHashOnly()
    {
        ulong mixed = 0;
        for (var i = 0; i < PerInvoke; i++)
            mixed ^= SimHash.Compute(texts[i % texts.Length]);
        return mixed;
    }
}
