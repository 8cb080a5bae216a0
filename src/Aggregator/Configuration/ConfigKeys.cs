namespace Aggregator.Configuration;

/// <summary>
/// Every key feeds.json knows, per object. The loader rejects anything else, and a test compares
/// these sets with feeds.schema.json so the schema and the loader cannot drift apart.
/// </summary>
internal static class ConfigKeys
{
    public const string Schema = "$schema";
    public const string Site = "site";
    public const string Defaults = "defaults";
    public const string Fetch = "fetch";
    public const string Categories = "categories";
    public const string Sources = "sources";
    public const string Store = "store";

    public const string Title = "title";
    public const string BaseUrl = "baseUrl";
    public const string Author = "author";
    public const string EntriesPerFeed = "entriesPerFeed";

    public const string MaxConcurrent = "maxConcurrent";
    public const string MaxConcurrentPerHost = "maxConcurrentPerHost";
    public const string PauseAfterFailures = "pauseAfterFailures";

    public const string Slug = "slug";

    public const string Kind = "kind";
    public const string ConnectionStringEnv = "connectionStringEnv";

    public const string Id = "id";
    public const string Url = "url";
    public const string Enabled = "enabled";

    public const string Schedule = "schedule";
    public const string Timeout = "timeout";
    public const string TimeZone = "timeZone";
    public const string UserAgent = "userAgent";
    public const string Headers = "headers";
    public const string MaxBytes = "maxBytes";
    public const string Comments = "comments";
    public const string Priority = "priority";
    public const string IncludeEntryCategories = "includeEntryCategories";

    public static readonly IReadOnlyList<string> Root = [Schema, Site, Defaults, Fetch, Store, Categories, Sources];
    public static readonly IReadOnlyList<string> SiteKeys = [Title, BaseUrl, Author, EntriesPerFeed];
    public static readonly IReadOnlyList<string> FetchKeys = [MaxConcurrent, MaxConcurrentPerHost, PauseAfterFailures];
    public static readonly IReadOnlyList<string> CategoryKeys = [Slug];
    public static readonly IReadOnlyList<string> StoreKeys = [Kind, ConnectionStringEnv];

    /// <summary>Per-source settings that <c>defaults</c> may also give.</summary>
    public static readonly IReadOnlyList<string> DefaultsKeys =
        [Schedule, Timeout, TimeZone, UserAgent, Headers, MaxBytes, Comments, Priority, IncludeEntryCategories];

    public static readonly IReadOnlyList<string> SourceKeys = [Id, Title, Url, Categories, Enabled, .. DefaultsKeys];
}
