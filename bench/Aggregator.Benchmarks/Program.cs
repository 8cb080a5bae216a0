using Aggregator.Benchmarks;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

// bench/micro.sh runs this in Release. Without --job, a short job (1 launch, 3 warm-ups, 5 iterations)
// run in this process keeps the four classes to a few minutes: no per-run project build, which costs
// over a minute on the shared 2-core machine. Pass BenchmarkDotNet's own options (--filter, --job default) for more.
var inputs = BenchmarkInputs.Instance;
Console.WriteLine($"micro: {inputs.Entries.Count} entries: {inputs.Dates.Length} dates, {inputs.Links.Length} links, {inputs.Bodies.Length} bodies, {inputs.Titles.Length} titles");
var config = DefaultConfig.Instance;
if (!args.Contains("--job"))
    config = config.AddJob(Job.ShortRun.WithWarmupCount(3).WithIterationCount(5).WithLaunchCount(1).WithToolchain(InProcessEmitToolchain.Instance));
BenchmarkSwitcher.FromAssembly(typeof(DateParsingBenchmarks).Assembly).Run(args.Length == 0 ? ["--filter", "*"] : args, config);
