using System.Diagnostics;
using System.Globalization;
using Aggregator.Cli;
using Aggregator.Model;
using Aggregator.Normalizing;
using Aggregator.Parsing;

namespace Aggregator.Drills.Fuzz;

/// <summary>
/// Mutated feeds through <see cref="FeedParser.Parse"/> and <see cref="ArticleNormalizer.Normalize(ParsedFeed, SourceDefinition, DateTimeOffset)"/>:
/// a <see cref="FeedParseException"/> is a clean refusal, any other exception a crash, an input
/// running past the timeout a hang. Worker threads pull input numbers; a watchdog samples memory
/// and replaces a hung worker so the run goes on and reports it.
/// </summary>
internal static class FuzzDrill
{
    private static readonly DateTimeOffset SeenAt = new(2026, 11, 27, 12, 0, 0, TimeSpan.Zero);

    public static int Command(DrillArguments args, TextWriter output)
    {
        var root = DrillPaths.RepositoryRoot();
        var options = new FuzzOptions
        {
            Count = args.Int("--count", 100_000),
            Seed = args.Int("--seed", 6),
            ExtraCorpus = args.Text("--corpus"),
            OutputFolder = args.Text("--out") ?? Path.Combine(root, "drills", "out"),
            Timeout = TimeSpan.FromMilliseconds(args.Int("--timeout-ms", 5000)),
            Threads = args.Int("--threads", Math.Max(1, Math.Min(2, Environment.ProcessorCount))),
            MaxWorkingSetBytes = args.Int("--max-memory-mb", 2048) * 1048576L,
        };
        var result = Run(options, SeedCorpus.Load(root, options.ExtraCorpus), output);
        return DrillReport.Print(result, output);
    }

    public static FuzzResult Run(FuzzOptions options, IReadOnlyList<byte[]> seeds, TextWriter? progress)
    {
        var mutator = new Mutator(seeds, options.Seed);
        var parser = new FeedParser();
        var normalizer = new ArticleNormalizer();
        var state = new RunState();
        var clock = Stopwatch.StartNew();
        var workers = new List<(FuzzWorker Worker, Thread Thread)>();

        void Start()
        {
            var worker = new FuzzWorker();
            var thread = new Thread(() => Work(worker)) { IsBackground = true, Name = "fuzz-" + workers.Count };
            workers.Add((worker, thread));
            thread.Start();
        }

        void Work(FuzzWorker worker)
        {
            while (!worker.Abandoned)
            {
                var index = Interlocked.Increment(ref state.Next) - 1;
                if (index >= options.Count)
                    return;
                var (bytes, kinds, contentType) = mutator.Create(index);
                worker.Begin(index, bytes, kinds);
                var outcome = Exercise(parser, normalizer, bytes, contentType, index);
                worker.End();
                if (worker.Abandoned)
                    return;
                state.Count(outcome, index, bytes, kinds, options);
            }
        }

        for (var i = 0; i < options.Threads; i++)
            Start();

        using var process = Process.GetCurrentProcess();
        var timeoutTicks = (long)(options.Timeout.TotalSeconds * Stopwatch.Frequency);
        long nextReport = 10_000;
        while (workers.Exists(w => !w.Worker.Abandoned && w.Thread.IsAlive))
        {
            Thread.Sleep(50);
            process.Refresh();
            state.PeakWorkingSet = Math.Max(state.PeakWorkingSet, process.WorkingSet64);
            state.PeakManaged = Math.Max(state.PeakManaged, GC.GetTotalMemory(forceFullCollection: false));
            foreach (var (worker, _) in workers.ToList())
            {
                var started = worker.StartedAt;
                if (worker.Abandoned || started == 0 || Stopwatch.GetTimestamp() - started < timeoutTicks)
                    continue;
                worker.Abandoned = true;
                state.Hang(worker.Index, worker.Input ?? [], worker.Kinds, options);
                Start();
            }

            if (progress is not null && Interlocked.Read(ref state.Done) >= nextReport)
            {
                progress.WriteLine(string.Create(CultureInfo.InvariantCulture, $"fuzz: {state.Done} inputs, {clock.Elapsed.TotalSeconds:0} s"));
                nextReport += 10_000;
            }
        }

        return new FuzzResult(
            state.Done, state.Parsed, state.Rejected, state.Crashes, state.Hangs, state.PeakWorkingSet, state.PeakManaged,
            clock.Elapsed, state.PeakWorkingSet > options.MaxWorkingSetBytes, [.. state.Failures]);
    }

    /// <summary>Null when the input parsed (or was refused cleanly: <paramref name="index"/>'s sign tells), else the crash.</summary>
    private static Outcome Exercise(FeedParser parser, ArticleNormalizer normalizer, byte[] bytes, string? contentType, long index)
    {
        var location = new Uri($"http://127.0.0.1/fuzz/{index}.xml");
        try
        {
            var payload = new FeedPayload(bytes, contentType, location);
            // A re-poll reads every document through the scan first: it must refuse or read garbage as safely as the full parse.
            parser.Scan(payload);
            var feed = parser.Parse(payload);
            normalizer.Normalize(feed, ParseInput.AdHocSource(location, feed.Title), SeenAt);
            return new Outcome(true, null);
        }
        catch (FeedParseException)
        {
            return new Outcome(false, null);
        }
        catch (Exception exception)
        {
            return new Outcome(false, exception);
        }
    }

    private sealed record Outcome(bool Parsed, Exception? Crash);

    /// <summary>The counters the threads share, and the saving of failing inputs.</summary>
    private sealed class RunState
    {
        public long Next;
        public long Done;
        public long Parsed;
        public long Rejected;
        public long Crashes;
        public long Hangs;
        public long PeakWorkingSet;
        public long PeakManaged;
        public readonly List<string> Failures = [];

        public void Count(Outcome outcome, long index, byte[] input, string kinds, FuzzOptions options)
        {
            Interlocked.Increment(ref Done);
            if (outcome.Crash is { } crash)
            {
                var number = Interlocked.Increment(ref Crashes);
                Save("crash", number, index, input, kinds, crash.ToString(), options);
            }
            else
            {
                Interlocked.Increment(ref outcome.Parsed ? ref Parsed : ref Rejected);
            }
        }

        public void Hang(long index, byte[] input, string kinds, FuzzOptions options)
        {
            Interlocked.Increment(ref Done);
            var number = Interlocked.Increment(ref Hangs);
            Save("hang", number, index, input, kinds, $"still running after {options.Timeout.TotalSeconds:0.#} s", options);
        }

        private void Save(string what, long number, long index, byte[] input, string kinds, string detail, FuzzOptions options)
        {
            var line = $"{what} {number}: input {index} (seed {options.Seed}, mutations {kinds}, {input.Length} bytes): {detail.Split('\n')[0]}";
            lock (Failures)
            {
                Failures.Add(line);
                if (number > options.MaxSavedFailures)
                    return;
                Directory.CreateDirectory(options.OutputFolder);
                File.WriteAllBytes(Path.Combine(options.OutputFolder, $"{what}-{number}.xml"), input);
                File.WriteAllText(
                    Path.Combine(options.OutputFolder, $"{what}-{number}.txt"),
                    $"input {index} of seed {options.Seed}; replay: Aggregator.Drills replay --seed {options.Seed} --index {index}\nmutations: {kinds}\n\n{detail}\n");
            }
        }
    }
}
