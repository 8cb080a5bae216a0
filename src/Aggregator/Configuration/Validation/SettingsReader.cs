using Aggregator.Configuration.Json;
using Aggregator.Model;

namespace Aggregator.Configuration.Validation;

/// <summary>Turns the located JSON tree of feeds.json into settings, reporting every problem on the way.</summary>
internal static class SettingsReader
{
    public const int MaxConcurrentFetches = 256;
    public const int MaxConcurrentFetchesPerHost = 64;
    public const int MaxPauseAfterFailures = 1000;

    /// <summary>The settings, or null when <paramref name="problems"/> received at least one problem.</summary>
    public static AggregatorSettings? Read(LocatedValue root, string baseDirectory, ProblemList problems)
    {
        var reader = new ValueReader(problems);
        if (!reader.IsObject(root))
            return null;
        reader.CheckKeys(root, ConfigKeys.Root);
        if (root.Member(ConfigKeys.Schema)?.Value is { } schema)
            reader.String(schema);

        var site = SiteReader.Read(root, reader);
        var defaults = ReadDefaults(root, reader);
        var (maxConcurrent, maxPerHost, pauseAfter) = ReadFetch(root, reader);
        var store = StoreReader.Read(root, reader);
        var slugs = CategoryResolver.ReadMap(root.Member(ConfigKeys.Categories)?.Value, reader);
        var uses = new List<CategoryUse>();
        var sources = SourcesReader.Read(root, defaults, baseDirectory, reader, uses);
        var categories = CategoryResolver.Resolve(uses, slugs, problems);

        if (problems.Count > 0 || site is null)
            return null;
        var settings = new AggregatorSettings { Site = site, Sources = sources, Categories = categories };
        return settings with
        {
            MaxConcurrentFetches = maxConcurrent ?? settings.MaxConcurrentFetches,
            MaxConcurrentFetchesPerHost = maxPerHost ?? settings.MaxConcurrentFetchesPerHost,
            PauseAfterFailures = pauseAfter ?? settings.PauseAfterFailures,
            Store = store,
        };
    }

    private static SourceSettings ReadDefaults(LocatedValue root, ValueReader reader)
    {
        var defaults = root.Member(ConfigKeys.Defaults)?.Value;
        if (defaults is null || !reader.IsObject(defaults))
            return SourceSettings.BuiltIn;
        reader.CheckKeys(defaults, ConfigKeys.DefaultsKeys);
        return SourceSettingsReader.Read(defaults, SourceSettings.BuiltIn, reader);
    }

    private static (int? MaxConcurrent, int? MaxPerHost, int? PauseAfter) ReadFetch(LocatedValue root, ValueReader reader)
    {
        var fetch = root.Member(ConfigKeys.Fetch)?.Value;
        if (fetch is null || !reader.IsObject(fetch))
            return (null, null, null);
        reader.CheckKeys(fetch, ConfigKeys.FetchKeys);
        var all = fetch.Member(ConfigKeys.MaxConcurrent)?.Value is { } a ? reader.Integer(a, 1, MaxConcurrentFetches) : null;
        var perHost = fetch.Member(ConfigKeys.MaxConcurrentPerHost)?.Value is { } h ? reader.Integer(h, 1, MaxConcurrentFetchesPerHost) : null;
        var pause = fetch.Member(ConfigKeys.PauseAfterFailures)?.Value is { } f ? reader.Integer(f, 1, MaxPauseAfterFailures) : null;
        return (all, perHost, pause);
    }
}
