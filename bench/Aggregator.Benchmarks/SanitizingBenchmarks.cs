using Aggregator.Normalizing.Html;
using BenchmarkDotNet.Attributes;

namespace Aggregator.Benchmarks;

/// <summary>
/// Entry bodies of the inputs (2–4 KB HTML with images and tracking) through the body sanitizer: parse,
/// sanitize, tidy, plain text — AngleSharp and HtmlSanitizer for every body; mean is per body.
/// </summary>
[MemoryDiagnoser]
public class SanitizingBenchmarks
{
    private const int PerInvoke = 100;
    private readonly BodySanitizer sanitizer = new();
    private (string Html, Uri? Base)[] bodies = [];

    [GlobalSetup]
    public void Setup() => bodies = BenchmarkInputs.Instance.Bodies;

    [Benchmark(OperationsPerInvoke = PerInvoke)]
    public int Sanitize()
    {
        var length = 0;
        for (var i = 0; i < PerInvoke; i++)
        {
            var (html, baseUri) = bodies[i % bodies.Length];
            length += sanitizer.Sanitize(html, baseUri).Html.Length;
        }

        return length;
    }
}
