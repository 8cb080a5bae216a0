using Aggregator.Configuration.Json;
using Aggregator.Model;

namespace Aggregator.Configuration.Validation;

/// <summary>Reads <c>site</c>: what the published feeds say about themselves.</summary>
internal static class SiteReader
{
    public const int MaxEntriesPerFeed = 10_000;

    public static SiteDefinition? Read(LocatedValue root, ValueReader reader)
    {
        var site = reader.Required(root, ConfigKeys.Site);
        if (site is null || !reader.IsObject(site))
            return null;
        reader.CheckKeys(site, ConfigKeys.SiteKeys);

        var titleValue = reader.Required(site, ConfigKeys.Title);
        var title = titleValue is null ? null : reader.NonEmptyString(titleValue);

        Uri? baseUrl = null;
        var baseUrlValue = reader.Required(site, ConfigKeys.BaseUrl);
        if (baseUrlValue is not null && reader.String(baseUrlValue) is { } text && !UrlRules.TryParseBaseUrl(text, out baseUrl, out var reason))
            reader.Problems.Add(baseUrlValue.Position, $"{baseUrlValue.Path} {reason}");

        var authorValue = site.Member(ConfigKeys.Author)?.Value;
        var author = authorValue is null ? null : reader.NonEmptyString(authorValue);

        var entriesValue = site.Member(ConfigKeys.EntriesPerFeed)?.Value;
        var entries = entriesValue is null ? null : reader.Integer(entriesValue, 1, MaxEntriesPerFeed);

        if (title is null || baseUrl is null)
            return null;
        var definition = new SiteDefinition { Title = title, BaseUrl = baseUrl, Author = author };
        return entries is { } n ? definition with { EntriesPerFeed = n } : definition;
    }
}
