using System.Collections.Concurrent;
using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Aggregator.Fetching;
using Aggregator.Hosting;
using Aggregator.Model;
using Aggregator.Normalizing;
using Aggregator.Normalizing.Html;
using Aggregator.Parsing;

namespace Aggregator.Cli;

/// <summary>
/// `parse PATH|URL…`: shows how feeds normalize, through the same parse and normalize code as polling.
/// It is how an admin sees why a feed looks wrong, and how the parse benchmark is run.
/// </summary>
internal static class ParseCommand
{
    // Chinese text and HTML stay readable in the JSON lines (no \uXXXX escapes): this is a display for
    // admins, not markup embedded in a page.
    private static readonly ArticleJsonContext JsonLines = new(new JsonSerializerOptions
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
    });

    public static Command Create(LoggingOptionSet logOptions)
    {
        var inputs = new Argument<string[]>("inputs")
        {
            Description = "Feed files, folders of feed files, or http(s) URLs.",
            Arity = ArgumentArity.OneOrMore,
        };
        var json = new Option<bool>("--json") { Description = "Print every normalized article as one JSON line." };
        var stats = new Option<bool>("--stats") { Description = "Print only counts and timing." };
        var timeZone = new Option<string?>("--time-zone")
        {
            Description = "IANA zone for dates without one (default: inferred from the feed).",
            HelpName = "ZONE",
        };
        var threads = new Option<int>("--threads")
        {
            Description = "Documents parsed at once with --stats (default: one per core).",
            DefaultValueFactory = _ => Environment.ProcessorCount,
        };
        var command = new Command("parse", "Parse and normalize feeds from files, folders or URLs and print the articles (readable, --json lines, or --stats).")
        {
            inputs, json, stats, timeZone, threads,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var zone = parse.GetValue(timeZone) is { } zoneId ? FindZone(zoneId, parse.InvocationConfiguration.Error) : null;
            if (zone is null && parse.GetValue(timeZone) is not null)
                return ExitCodes.InvalidConfigurationOrUsage;

            var statsOnly = parse.GetValue(stats);
            // HtmlSanitizer's first use runs large static initializers (its CSS tables): start them while
            // the services are built and the files read, instead of before the first body.
            var counting = statsOnly ? Task.Run(WarmNormalizer, cancellationToken) : null;
            await using var services = await StageServices.BuildAsync(logOptions.Read(parse));
            var printer = new ParseOutput(parse.InvocationConfiguration.Output, parse.GetValue(json), statsOnly);
            var documents = new List<ParseInput>();
            foreach (var input in parse.GetRequiredValue(inputs))
                documents.AddRange(await DocumentsAsync(input, services.Fetcher, cancellationToken));

            // Printing keeps the input order; counting only can use every core, as polling does. Then the
            // documents are the parallel unit, so each feed's bodies are sanitized on its own thread:
            // nested parallel loops would only add thread switches and lock contention.
            var threadCount = statsOnly ? Math.Max(1, parse.GetValue(threads)) : 1;
            // While the sanitizer warms up on one core (~0.1-0.3 s), this thread reads and parses the first
            // documents, which do not need it: the second core worked only on start-up before.
            var ahead = counting is not null && threadCount > 1
                ? printer.ParseAhead(documents, services.Parser, () => !counting.IsCompleted && !cancellationToken.IsCancellationRequested, MaxParsedAhead)
                : [];
            var normalizer = counting is not null ? await counting : services.Normalizer;
            var parallel = new ParallelOptions { MaxDegreeOfParallelism = threadCount, CancellationToken = cancellationToken };
            // Each thread reads the next file into its own buffer, reused once that document is done.
            Parallel.ForEach(
                documents,
                parallel,
                () => (byte[]?)null,
                (document, _, index, buffer) =>
                {
                    // A document parsed ahead is taken out of the array: its feed goes once normalized.
                    var parsed = index < ahead.Length ? Interlocked.Exchange(ref ahead[index], null) : null;
                    printer.Print(parsed ?? printer.Parse(document.Read(ref buffer), services.Parser), normalizer, zone);
                    return buffer;
                },
                _ => { });
            printer.WriteTotals();
            return printer.Failed == 0 ? ExitCodes.Ok : ExitCodes.SomeSourcesFailed;
        });
        return command;
    }

    /// <summary>At most this many documents are parsed while the sanitizer warms up (~0.3 MB of strings each).</summary>
    private const int MaxParsedAhead = 128;

    /// <summary>A normalizer for counting (one body at a time: the documents are the parallel unit), its sanitizer already used once.</summary>
    private static ArticleNormalizer WarmNormalizer()
    {
        var sanitizer = new BodySanitizer();
        sanitizer.Sanitize("<p style=\"text-align: center\"><img src=\"a.jpg\" alt=\"\"><a href=\"b\">c</a></p>", new Uri("https://example.com/"));
        return new ArticleNormalizer(sanitizer, maxParallelism: 1);
    }

    private static TimeZoneInfo? FindZone(string id, TextWriter error)
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (Exception exception) when (exception is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            error.WriteLine($"parse: unknown time zone '{id}'");
            return null;
        }
    }

    private static async Task<IReadOnlyList<ParseInput>> DocumentsAsync(string input, IFeedFetcher fetcher, CancellationToken cancellationToken)
    {
        if (Uri.TryCreate(input, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps))
        {
            var source = ParseInput.AdHocSource(url);
            var outcome = await fetcher.FetchAsync(source, FetchConditions.None, cancellationToken);
            return [new ParseInput(input, outcome.Payload, outcome.Error)];
        }

        if (Directory.Exists(input))
        {
            return Directory.EnumerateFiles(input, "*", SearchOption.AllDirectories)
                .Order(StringComparer.Ordinal)
                .Select(ParseInput.Later)
                .ToList();
        }

        return [ParseInput.Later(input)];
    }

    internal sealed class ParseOutput(TextWriter output, bool asJson, bool statsOnly)
    {
        private readonly Stopwatch clock = Stopwatch.StartNew();

        /// <summary>
        /// With --stats: the canonical links and entry keys (guids) already normalized in this run. An entry
        /// that another feed re-published (same link, the link plus utm_*, or another link with the same
        /// guid) is parsed and identified but not sanitized again — the dedupe the pipeline applies before
        /// sanitizing, so the figure measures the work a poll of these feeds does.
        /// </summary>
        private readonly ConcurrentDictionary<string, byte> normalizedKeys = new(StringComparer.Ordinal);
        private long documents;
        private long entries;
        private long articles;
        private long duplicates;
        private long bytes;
        private long failed;

        public long Failed => Interlocked.Read(ref failed);

        /// <summary>
        /// Parses documents from the first while <paramref name="keepGoing"/> says so, at most <paramref name="limit"/>
        /// (one thread, one read buffer). The result's slot i holds document i's parse.
        /// </summary>
        public ParsedDocument?[] ParseAhead(IReadOnlyList<ParseInput> inputs, IFeedParser parser, Func<bool> keepGoing, int limit)
        {
            var parsed = new List<ParsedDocument?>();
            byte[]? buffer = null;
            while (parsed.Count < Math.Min(limit, inputs.Count) && keepGoing())
                parsed.Add(Parse(inputs[parsed.Count].Read(ref buffer), parser));
            return [.. parsed];
        }

        /// <summary>Counts <paramref name="input"/> and parses it; the result no longer needs the input's buffer.</summary>
        public ParsedDocument Parse(ParseInput input, IFeedParser parser)
        {
            Interlocked.Increment(ref documents);
            if (input.Payload is null)
                return new ParsedDocument(input.Name, null, null, input.Error ?? "fetch: no content");

            Interlocked.Add(ref bytes, input.Payload.Content.Length);
            try
            {
                var feed = parser.Parse(input.Payload);
                Interlocked.Add(ref entries, feed.Entries.Count);
                return new ParsedDocument(input.Name, input.Payload.Location, feed, null);
            }
            catch (FeedParseException exception)
            {
                return new ParsedDocument(input.Name, input.Payload.Location, null, exception.Message);
            }
        }

        public bool Print(ParsedDocument document, IArticleNormalizer normalizer, TimeZoneInfo? zone)
        {
            if (document.Feed is not { } feed || document.Location is not { } location)
                return Fail(document.Name, document.Error ?? "parse: no feed");

            IReadOnlyList<Article> normalized;
            try
            {
                var source = ParseInput.AdHocSource(location, feed.Title, zone);
                normalized = statsOnly
                    ? normalizer.Normalize(feed, source, DateTimeOffset.UtcNow, IsAlreadyNormalized)
                    : normalizer.Normalize(feed, source, DateTimeOffset.UtcNow);
            }
            catch (FeedParseException exception)
            {
                return Fail(document.Name, exception.Message);
            }

            Interlocked.Add(ref articles, normalized.Count);
            if (statsOnly)
                return true;
            foreach (var article in normalized)
            {
                if (asJson)
                    output.WriteLine(JsonSerializer.Serialize(ArticleJson.From(article), JsonLines.ArticleJson));
                else
                    output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{article.Published:yyyy-MM-dd HH:mm}Z  {article.Title}\n    {article.Link}\n    author: {article.Author}; categories: {string.Join(", ", article.Categories)}; thumbnail: {article.Thumbnail ?? "none"}"));
            }

            return true;
        }

        public void WriteTotals()
        {
            if (!statsOnly && asJson)
                return;
            var seconds = Math.Max(clock.Elapsed.TotalSeconds, 1e-9);
            var counts = statsOnly
                ? $"{entries} items parsed, {articles} articles normalized, {duplicates} duplicates skipped (link or guid already normalized in this run)"
                : $"{articles} articles";
            var (rate, unit) = statsOnly ? (entries, "items") : (articles, "articles");
            output.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"{documents} documents ({failed} failed), {counts}, {bytes / 1048576.0:0.0} MiB in {seconds:0.000} s: {rate / seconds:0} {unit}/s, {bytes / 1048576.0 / seconds:0.0} MiB/s"));
        }

        /// <summary>
        /// Claims the entry's keys for this run; true when one was already claimed. Both keys are always
        /// claimed, so a later copy that shares either one is known. A link the entry borrowed from its feed
        /// identifies nothing and is not claimed.
        /// </summary>
        private bool IsAlreadyNormalized(EntryStamp stamp)
        {
            var seen = !normalizedKeys.TryAdd(stamp.EntryKey, 0);
            if (stamp.LinkIsOwn && stamp.Link != stamp.EntryKey)
                seen |= !normalizedKeys.TryAdd(stamp.Link, 0);
            if (seen)
                Interlocked.Increment(ref duplicates);
            return seen;
        }

        private bool Fail(string name, string error)
        {
            Interlocked.Increment(ref failed);
            lock (output)
                output.WriteLine($"{name}: {error}");
            return false;
        }
    }
}
