using Aggregator.Model;
using Aggregator.Parsing.Xml;

namespace Aggregator.Parsing.Extensions;

/// <summary>Media RSS: media:thumbnail, media:content, and both inside media:group.</summary>
internal static class MediaRssReader
{
    public static void Read(FeedXmlReader cursor, EntryExtensions ext, string local)
    {
        var reader = cursor.Reader;
        switch (local)
        {
            case "thumbnail":
                if (cursor.ResolvedAttribute("url") is { Length: > 0 } thumbnail)
                {
                    (ext.MediaThumbnails ??= []).Add(new MediaReference(thumbnail, MediaKind.MediaThumbnail));
                }

                break;
            case "content":
                var url = cursor.ResolvedAttribute("url");
                var type = reader.GetAttribute("type");
                var medium = reader.GetAttribute("medium");
                var length = ExtensionReader.ParseLength(reader.GetAttribute("fileSize"));
                if (url is { Length: > 0 })
                {
                    var mime = type ?? (medium == "image" ? "image/*" : null);
                    (ext.MediaContents ??= []).Add(new MediaReference(url, MediaKind.MediaContent, mime, length));
                }

                if (!reader.IsEmptyElement)
                {
                    ReadChildren(cursor, ext); // media:content may carry its own media:thumbnail
                }

                break;
            case "title":
                ext.MediaTitle ??= ExtensionReader.NonEmpty(cursor.ReadText());
                break;
            case "description":
                ext.PlainDescription ??= ExtensionReader.NonEmpty(cursor.ReadText());
                break;
            case "category" when ExtensionReader.NonEmpty(cursor.ReadPlainText()) is { } category:
                // Categories of the media, which on news sites are the article's own (feedparser files them as tags too).
                (ext.Subjects ??= []).Add(category);
                break;
            case "group":
                if (!reader.IsEmptyElement)
                {
                    ReadChildren(cursor, ext);
                }

                break;
        }
    }

    private static void ReadChildren(FeedXmlReader cursor, EntryExtensions ext)
    {
        var reader = cursor.Reader;
        var depth = reader.Depth;
        while (cursor.NextChild(depth))
        {
            if (cursor.Names.IsMedia(reader.NamespaceURI))
            {
                Read(cursor, ext, reader.LocalName);
            }
        }
    }
}
