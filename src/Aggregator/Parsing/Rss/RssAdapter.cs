using Aggregator.Model;
using Aggregator.Parsing.Extensions;

namespace Aggregator.Parsing.Rss;

/// <summary>Maps the RSS shapes onto the format-neutral model.</summary>
internal static class RssAdapter
{
    public static ParsedFeed ToFeed(RssChannel channel, FeedFormat format, IReadOnlyList<string> warnings)
    {
        var ext = channel.Extensions;
        var entries = new ParsedEntry[channel.Items.Count];
        for (var i = 0; i < entries.Length; i++)
        {
            entries[i] = ToEntry(channel.Items[i]);
        }

        return new ParsedFeed
        {
            Format = format,
            Title = channel.Title ?? ext.DcTitle,
            Link = channel.Link ?? ext.AtomAlternate,
            Language = channel.Language ?? ext.DcLanguage,
            Author = channel.ManagingEditor ?? ext.Creators?[0] ?? ext.AtomAuthor ?? ext.ItunesAuthor,
            Entries = entries,
            Warnings = warnings,
        };
    }

    public static ParsedEntry ToEntry(RssItem item)
    {
        var ext = item.Extensions;
        var permalinkGuid = item.GuidIsPermaLink && item.Guid is { } guid && IsWebUrl(guid) ? guid : null;
        IEnumerable<MediaReference>? enclosures = item.Enclosures is null ? ext.AtomEnclosures
            : ext.AtomEnclosures is null ? item.Enclosures : item.Enclosures.Concat(ext.AtomEnclosures);
        return new ParsedEntry
        {
            Id = item.Guid ?? item.Id ?? item.About,
            Title = item.Title ?? ext.DcTitle ?? ext.MediaTitle,
            Link = item.Link ?? ext.AtomAlternate ?? permalinkGuid ?? ext.OrigLink ?? (item.About is { } about && IsWebUrl(about) ? about : null),
            Authors = Authors(item),
            Published = item.PubDate ?? ext.DcDate ?? ext.AtomPublished,
            Updated = ext.AtomUpdated ?? item.Updated ?? ext.DcModified,
            Categories = Categories(item.Categories, ext.Subjects),
            Content = ext.ContentEncoded ?? ext.XhtmlBody ?? item.Body,
            Summary = item.Description ?? ext.DcDescription ?? (ext.PlainDescription is { } plain ? System.Net.WebUtility.HtmlEncode(plain) : null),
            Media = MediaOrder.Build(ext.MediaThumbnails, ext.MediaContents, enclosures, ext.ItunesImage),
            CommentsUrl = item.Comments,
            BaseUri = item.BaseUri,
            SourceTitle = item.SourceTitle,
        };
    }

    internal static IReadOnlyList<string> Categories(List<string>? own, List<string>? subjects)
    {
        if (subjects is null)
        {
            return own ?? (IReadOnlyList<string>)[];
        }

        return own is null ? subjects : [.. own, .. subjects];
    }

    private static List<string> Authors(RssItem item)
    {
        var ext = item.Extensions;
        if (item.Author is { } author)
        {
            return [author];
        }

        if (ext.Creators is { } creators)
        {
            return creators;
        }

        var single = ext.ItunesAuthor ?? ext.AtomAuthor;
        return single is null ? [] : [single];
    }

    private static bool IsWebUrl(string value) =>
        value.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || value.StartsWith("https://", StringComparison.OrdinalIgnoreCase);
}
