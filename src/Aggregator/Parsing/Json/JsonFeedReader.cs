using System.Net;
using System.Text.Json;
using Aggregator.Model;
using Aggregator.Parsing.Extensions;

namespace Aggregator.Parsing.Json;

/// <summary>JSON Feed 1.0 and 1.1 (jsonfeed.org): the JSON shape is the document itself, so reading and mapping are one step.</summary>
internal static class JsonFeedReader
{
    private static readonly JsonDocumentOptions Options = new()
    {
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Skip,
        MaxDepth = 64,
    };

    public static ParsedFeed Read(string text, Uri location)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text, Options);
        }
        catch (JsonException ex)
        {
            throw new FeedParseException($"parse: the JSON document is not valid JSON ({ex.Message}).", ex);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !String(root, "version").StartsWith("https://jsonfeed.org/version/", StringComparison.OrdinalIgnoreCase))
            {
                throw new FeedParseException("parse: the JSON document is not a JSON Feed (no jsonfeed.org version).");
            }

            var entries = new List<ParsedEntry>();
            if (root.TryGetProperty("items", out var items) && items.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in items.EnumerateArray())
                {
                    if (item.ValueKind == JsonValueKind.Object)
                    {
                        entries.Add(ReadItem(item, location));
                    }
                }
            }

            return new ParsedFeed
            {
                Format = FeedFormat.JsonFeed,
                Title = Optional(root, "title"),
                Link = Resolve(Optional(root, "home_page_url"), location),
                Language = Optional(root, "language"),
                Author = Authors(root).FirstOrDefault(),
                Entries = entries,
            };
        }
    }

    private static ParsedEntry ReadItem(JsonElement item, Uri location)
    {
        var link = Resolve(Optional(item, "url") ?? Optional(item, "external_url"), location);
        var thumbnails = Optional(item, "image") is { } image ? new List<MediaReference> { new(Resolve(image, location)!, MediaKind.MediaThumbnail) } : null;
        var banners = Optional(item, "banner_image") is { } banner ? new List<MediaReference> { new(Resolve(banner, location)!, MediaKind.MediaContent, "image/*") } : null;
        List<MediaReference>? attachments = null;
        if (item.TryGetProperty("attachments", out var list) && list.ValueKind == JsonValueKind.Array)
        {
            foreach (var attachment in list.EnumerateArray())
            {
                if (attachment.ValueKind == JsonValueKind.Object && Optional(attachment, "url") is { } url)
                {
                    long? size = attachment.TryGetProperty("size_in_bytes", out var s) && s.TryGetInt64(out var n) ? n : null;
                    (attachments ??= []).Add(new MediaReference(Resolve(url, location)!, MediaKind.Enclosure, Optional(attachment, "mime_type"), size));
                }
            }
        }

        var text = Optional(item, "content_text");
        return new ParsedEntry
        {
            Id = Optional(item, "id") ?? (item.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.Number ? id.GetRawText() : null),
            Title = Optional(item, "title"),
            Link = link,
            Authors = Authors(item),
            Published = Optional(item, "date_published"),
            Updated = Optional(item, "date_modified"),
            Categories = Tags(item),
            Content = Optional(item, "content_html") ?? (text is null ? null : WebUtility.HtmlEncode(text)),
            Summary = Optional(item, "summary"),
            Media = MediaOrder.Build(thumbnails, banners, attachments, null),
        };
    }

    /// <summary>1.1's authors array, else 1.0's single author.</summary>
    private static List<string> Authors(JsonElement element)
    {
        var authors = new List<string>();
        if (element.TryGetProperty("authors", out var many) && many.ValueKind == JsonValueKind.Array)
        {
            foreach (var author in many.EnumerateArray())
            {
                if (author.ValueKind == JsonValueKind.Object && Optional(author, "name") is { } name)
                {
                    authors.Add(name);
                }
            }
        }
        else if (element.TryGetProperty("author", out var one) && one.ValueKind == JsonValueKind.Object && Optional(one, "name") is { } name)
        {
            authors.Add(name);
        }

        return authors;
    }

    private static List<string> Tags(JsonElement item)
    {
        var tags = new List<string>();
        if (item.TryGetProperty("tags", out var list) && list.ValueKind == JsonValueKind.Array)
        {
            foreach (var tag in list.EnumerateArray())
            {
                if (tag.ValueKind == JsonValueKind.String && ExtensionReader.NonEmpty(tag.GetString()) is { } value)
                {
                    tags.Add(value);
                }
            }
        }

        return tags;
    }

    private static string String(JsonElement element, string name) => Optional(element, name) ?? string.Empty;

    private static string? Optional(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? ExtensionReader.NonEmpty(value.GetString()) : null;

    private static string? Resolve(string? reference, Uri location) =>
        reference is null ? null : Uri.TryCreate(location, reference, out var resolved) && !reference.Contains("://", StringComparison.Ordinal) ? resolved.ToString() : reference;
}
