using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Aggregator.Drills.Soak;

/// <summary>
/// Kestrel on 127.0.0.1 serving /s/N.xml for N sources: an RSS 2.0 feed of the newest 20 entries of a
/// source that gains one entry every interval, with an ETag (304 to a matching If-None-Match). It
/// remembers every entry it served, so the drill can check each one reached the store, and can be
/// frozen (no new entries) for the final check.
/// </summary>
internal sealed class SoakFixture : IAsyncDisposable
{
    public const int InitialEntries = 5;
    private const int Window = 20;
    private readonly WebApplication app;
    private readonly int sources;
    private readonly TimeSpan interval;
    private readonly DateTimeOffset start = DateTimeOffset.UtcNow;
    private readonly ConcurrentDictionary<(int Source, int Entry), byte> served = new();
    private readonly long[] lastRequest;
    private int? frozenCount;
    private long requests;
    private long notModified;

    private SoakFixture(WebApplication app, int sources, TimeSpan interval)
    {
        this.app = app;
        this.sources = sources;
        this.interval = interval;
        lastRequest = new long[sources];
    }

    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");

    public long Requests => Interlocked.Read(ref requests);

    public long NotModified => Interlocked.Read(ref notModified);

    public IReadOnlyCollection<(int Source, int Entry)> Served => [.. served.Keys];

    public static async Task<SoakFixture> StartAsync(int sources, TimeSpan interval)
    {
        var app = LoopbackServer.Create();
        var fixture = new SoakFixture(app, sources, interval);
        app.MapGet("/s/{index:int}.xml", (int index, HttpContext context) => fixture.Serve(index, context));
        fixture.BaseAddress = await LoopbackServer.StartAsync(app, "soak");
        return fixture;
    }

    /// <summary>The canonical link of an entry, as the store keeps it.</summary>
    public static string Link(int source, int entry) =>
        string.Create(CultureInfo.InvariantCulture, $"https://soak{source % 50}.example.com/s{source}/a{entry}.html");

    /// <summary>From now on no source gains entries.</summary>
    public void Freeze() => frozenCount = Count();

    /// <summary>Whether every source was requested at or after <paramref name="moment"/>.</summary>
    public bool AllRequestedSince(DateTimeOffset moment) => lastRequest.All(ticks => ticks >= moment.UtcTicks);

    private int Count() => frozenCount ?? InitialEntries + (int)((DateTimeOffset.UtcNow - start) / interval);

    private IResult Serve(int index, HttpContext context)
    {
        if (index < 0 || index >= sources)
            return Results.NotFound();
        Interlocked.Increment(ref requests);
        Interlocked.Exchange(ref lastRequest[index], DateTimeOffset.UtcNow.UtcTicks);
        var count = Count();
        var etag = string.Create(CultureInfo.InvariantCulture, $"\"{index}-{count}\"");
        context.Response.Headers.ETag = etag;
        if (context.Request.Headers.IfNoneMatch.ToString() == etag)
        {
            Interlocked.Increment(ref notModified);
            return Results.StatusCode(StatusCodes.Status304NotModified);
        }

        var first = Math.Max(0, count - Window);
        var xml = new StringBuilder(40_000);
        xml.Append(CultureInfo.InvariantCulture, $"<?xml version=\"1.0\" encoding=\"utf-8\"?><rss version=\"2.0\"><channel><title>浸泡来源 {index}</title><link>https://soak{index % 50}.example.com/</link><description>soak</description>");
        for (var entry = count - 1; entry >= first; entry--)
        {
            var random = new Random(index * 1_000_003 + entry);
            var published = start + (entry - InitialEntries) * interval;
            xml.Append(CultureInfo.InvariantCulture, $"<item><title>{Hanzi(random, 14)} {index}-{entry}</title><link>{Link(index, entry)}</link><guid>{Link(index, entry)}</guid>")
               .Append(CultureInfo.InvariantCulture, $"<pubDate>{published.ToString("R", CultureInfo.InvariantCulture)}</pubDate>")
               .Append("<description><![CDATA[<p>").Append(Hanzi(random, 300)).Append("</p><p>").Append(Hanzi(random, 300)).Append("</p>]]></description></item>");
            served.TryAdd((index, entry), 0);
        }

        xml.Append("</channel></rss>");
        return Results.Text(xml.ToString(), "application/rss+xml", Encoding.UTF8);
    }

    /// <summary>Random common CJK ideographs: unrelated stories must not look alike to SimHash.</summary>
    private static string Hanzi(Random random, int count)
    {
        var chars = new char[count];
        for (var i = 0; i < count; i++)
            chars[i] = (char)random.Next(0x4E00, 0x9FA5);
        return new string(chars);
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
