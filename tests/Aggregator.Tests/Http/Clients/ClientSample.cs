using System.Text.Json.Nodes;
using Aggregator.Http;
using Aggregator.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Aggregator.Tests.Http.Clients;

/// <summary>
/// `serve` on 127.0.0.1 port 0 over the samples, published with a few entries per feed so that
/// archive pages (RFC 5005) are served too and the clients read those as well.
/// </summary>
public sealed class ClientSample : IAsyncLifetime
{
    /// <summary>Small enough that the busier categories need several pages.</summary>
    private const int EntriesPerFeed = 4;

    internal HttpServedSample Sample { get; } = new();

    internal IReadOnlyList<ExpectedFeed> Feeds { get; private set; } = [];

    internal AggregatorMetrics Metrics => Sample.Services.GetRequiredService<AggregatorMetrics>();

    internal Uri UrlOf(ExpectedFeed feed) => new(Sample.BaseAddress, feed.Path);

    public async Task InitializeAsync()
    {
        var config = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(HttpServedSample.SamplesDirectory(), "feeds.json")))!;
        config["site"]!["entriesPerFeed"] = EntriesPerFeed;
        await Sample.StartAsync(config.ToJsonString());
        var site = Sample.Services.GetRequiredService<ServedSite>();
        var paths = site.Source ?? throw new InvalidOperationException("serve published nothing before its first request.");
        // The bytes HTTP serves: first pages from memory, archive pages from the files it reads them from.
        Feeds = ExpectedFeed.AllOf(paths.Files.Select(path => (path,
            site.Find("/" + path)?.Identity.Body ?? File.ReadAllBytes(site.FindArchivePage("/" + path)!.FullPath))));
    }

    /// <summary>Responses counted by the server for feeds and archive pages with <paramref name="status"/>.</summary>
    internal long FeedResponses(string status) =>
        Metrics.Requests.Where(r => r.Kind is PathKind.Feed or PathKind.Page && r.Status == status).Sum(r => r.Count);

    public Task DisposeAsync() => Sample.DisposeAsync();
}
