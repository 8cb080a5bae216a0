using Aggregator.Normalizing.Html;
using BenchmarkDotNet.Attributes;

namespace Aggregator.Benchmarks;

/// <summary>
/// Entry bodies of the inputs (2–4 KB HTML with images and tracking) through the body sanitizer: parse,
/// sanitize, tidy, plain text; mean is per body. <see cref="Sanitize"/> is what normalizing runs (the
/// fast path where it applies), <see cref="SanitizeWithoutFastPath"/> every body through AngleSharp and HtmlSanitizer.
/// </summary>
[MemoryDiagnoser]
public class SanitizingBenchmarks
{
    private const int PerInvoke = 100;
    private readonly BodySanitizer sanitizer = new();
    private readonly BodySanitizer sanitizerOnly = new(() => BodyParser.Shared, fast: false);
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

    [Benchmark(OperationsPerInvoke = PerInvoke)]
    public int SanitizeWithoutFastPath()
    {
        var length = 0;
        for (var i = 0; i < PerInvoke; i++)
        {
            var (html, baseUri) = bodies[i % bodies.Length];
            length += sanitizerOnly.Sanitize(html, baseUri).Html.Length;
        }

        return length;
    }
}
