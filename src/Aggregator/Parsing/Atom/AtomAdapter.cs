using System.Net;
using Aggregator.Model;
using Aggregator.Parsing.Extensions;
using Aggregator.Parsing.Rss;

namespace Aggregator.Parsing.Atom;

/// <summary>Maps the Atom shapes onto the format-neutral model.</summary>
internal static class AtomAdapter
{
    public static ParsedFeed ToFeed(AtomFeed feed, FeedFormat format, IReadOnlyList<string> warnings)
    {
        var entries = new ParsedEntry[feed.Entries.Count];
        for (var i = 0; i < entries.Length; i++)
        {
            entries[i] = ToEntry(feed.Entries[i]);
        }

        return new ParsedFeed
        {
            Format = format,
            Title = feed.Title?.Value ?? feed.Extensions.DcTitle,
            Link = Alternate(feed.Links),
            Language = feed.Language ?? feed.Extensions.DcLanguage,
            Author = feed.Author ?? feed.Extensions.Creators?[0],
            Entries = entries,
            Warnings = warnings,
        };
    }

    public static ParsedEntry ToEntry(AtomEntry entry)
    {
        var ext = entry.Extensions;
        List<MediaReference>? enclosures = null;
        string? comments = null;
        if (entry.Links is not null)
        {
            foreach (var link in entry.Links)
            {
                if (link.Rel == "enclosure")
                {
                    (enclosures ??= []).Add(new MediaReference(link.Href, MediaKind.Enclosure, link.Type, link.Length));
                }
                else if (link.Rel == "replies" && (link.Type is null || link.Type.Contains("html", StringComparison.OrdinalIgnoreCase)))
                {
                    comments ??= link.Href;
                }
            }
        }

        return new ParsedEntry
        {
            Id = entry.Id,
            Title = LiteralTitle(entry.Title) ?? entry.Title?.Value ?? ext.DcTitle,
            TitleIsHtml = entry.Title?.IsHtml == true || LiteralTitle(entry.Title) is not null,
            Link = Alternate(entry.Links) ?? ext.OrigLink ?? (entry.Id is { } id && IsWebUrl(id) ? id : null),
            Authors = entry.Authors ?? ext.Creators ?? (IReadOnlyList<string>)[],
            Published = entry.Published ?? entry.Created ?? ext.DcDate,
            Updated = entry.Updated ?? ext.DcModified,
            Categories = RssAdapter.Categories(entry.Categories, ext.Subjects),
            Content = AsHtml(entry.Content) ?? ext.ContentEncoded,
            Summary = AsHtml(entry.Summary) ?? ext.DcDescription ?? (ext.PlainDescription is { } plain ? WebUtility.HtmlEncode(plain) : null),
            Media = MediaOrder.Build(ext.MediaThumbnails, ext.MediaContents, enclosures, ext.ItunesImage),
            CommentsUrl = comments,
            BaseUri = entry.BaseUri,
            SourceTitle = entry.SourceTitle,
        };
    }

    private static bool IsWebUrl(string value) =>
        value.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || value.StartsWith("https://", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// A title declared text outright (type="text") that holds a "&lt;" ("History of the &lt;blink&gt; tag") is escaped and
    /// passed on as HTML, so the normalizer keeps its words instead of stripping what looks like a tag.
    /// </summary>
    private static string? LiteralTitle(AtomText? title) =>
        title is { IsHtml: false, DeclaredText: true } text && text.Value.Contains('<', StringComparison.Ordinal) ? WebUtility.HtmlEncode(text.Value) : null;

    /// <summary>Bodies are HTML in the model, so plain-text content is escaped rather than left to be misread as markup.</summary>
    private static string? AsHtml(AtomText? text) =>
        text is not { } value ? null : value.IsHtml ? value.Value : WebUtility.HtmlEncode(value.Value);

    /// <summary>The first rel=alternate link of an HTML type, else the first rel=alternate of any type.</summary>
    private static string? Alternate(List<AtomLink>? links)
    {
        if (links is null)
        {
            return null;
        }

        string? first = null;
        foreach (var link in links)
        {
            if (link.Rel != "alternate")
            {
                continue;
            }

            if (link.Type is null || link.Type.Contains("html", StringComparison.OrdinalIgnoreCase))
            {
                return link.Href;
            }

            first ??= link.Href;
        }

        return first;
    }
}
