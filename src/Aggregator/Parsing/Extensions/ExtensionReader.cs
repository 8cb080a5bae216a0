using Aggregator.Model;
using Aggregator.Parsing.Xml;

namespace Aggregator.Parsing.Extensions;

/// <summary>Reads one extension element (the cursor is on it) into <see cref="EntryExtensions"/>.</summary>
internal static class ExtensionReader
{
    /// <summary>Returns false when the element is not an extension this reader knows.</summary>
    public static bool TryRead(FeedXmlReader cursor, EntryExtensions ext)
    {
        var reader = cursor.Reader;
        var ns = reader.NamespaceURI;
        var names = cursor.Names;
        var local = reader.LocalName;
        if (ReferenceEquals(ns, names.Content))
        {
            if (local == "encoded")
            {
                ext.ContentEncoded = cursor.ReadBody();
            }

            return true;
        }

        if (ReferenceEquals(ns, names.Dc) || ReferenceEquals(ns, names.DcTerms))
        {
            ReadDublinCore(cursor, ext, local);
            return true;
        }

        if (names.IsMedia(ns))
        {
            MediaRssReader.Read(cursor, ext, local);
            return true;
        }

        if (names.IsItunes(ns))
        {
            if (local == "image")
            {
                var href = cursor.ResolvedAttribute("href");
                if (href is null && NonEmpty(cursor.ReadText()) is { } text)
                {
                    href = cursor.Resolve(text);
                }

                ext.ItunesImage ??= href;
            }
            else if (local == "category")
            {
                ReadItunesCategory(cursor, ext);
            }
            else if (local == "author")
            {
                ext.ItunesAuthor ??= NonEmpty(cursor.ReadText());
            }
            else if (local == "summary")
            {
                ext.PlainDescription ??= NonEmpty(cursor.ReadText());
            }

            return true;
        }

        if (ReferenceEquals(ns, names.Atom))
        {
            ReadAtomInRss(cursor, ext, local);
            return true;
        }

        if (ReferenceEquals(ns, names.Wfw))
        {
            if (local is "commentRss" or "commentRSS")
            {
                ext.CommentsFeed ??= NonEmpty(cursor.ReadText());
            }

            return true;
        }

        if (ReferenceEquals(ns, names.Xhtml))
        {
            if (local == "body")
            {
                ext.XhtmlBody ??= cursor.ReadBodyMarkup(unwrapDiv: false);
            }

            return true;
        }

        if (ReferenceEquals(ns, names.Feedburner))
        {
            if (local == "origLink")
            {
                ext.OrigLink ??= NonEmpty(cursor.ReadText()) is { } link ? cursor.Resolve(link) : null;
            }

            return true;
        }

        return names.IsExtension(ns);
    }

    /// <summary>itunes:category text="…", possibly nested (Technology / Gadgets): each level is a category.</summary>
    private static void ReadItunesCategory(FeedXmlReader cursor, EntryExtensions ext)
    {
        var reader = cursor.Reader;
        if (NonEmpty(reader.GetAttribute("text")) is { } text)
        {
            (ext.Subjects ??= []).Add(text);
        }

        if (reader.IsEmptyElement)
        {
            return;
        }

        var depth = reader.Depth;
        while (cursor.NextChild(depth))
        {
            if (reader.LocalName == "category" && cursor.Names.IsItunes(reader.NamespaceURI))
            {
                ReadItunesCategory(cursor, ext);
            }
        }
    }

    internal static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static void ReadDublinCore(FeedXmlReader cursor, EntryExtensions ext, string local)
    {
        switch (local)
        {
            case "creator" or "author" or "contributor" when NonEmpty(cursor.ReadText()) is { } creator:
                if (local != "contributor" || ext.Creators is null)
                {
                    (ext.Creators ??= []).Add(creator);
                }

                break;
            case "date" or "issued" or "created":
                ext.DcDate ??= NonEmpty(cursor.ReadText());
                break;
            case "modified":
                ext.DcModified ??= NonEmpty(cursor.ReadText());
                break;
            case "subject" when NonEmpty(cursor.ReadText()) is { } subject:
                (ext.Subjects ??= []).Add(subject);
                break;
            case "title":
                ext.DcTitle ??= cursor.ReadText();
                break;
            case "description":
                ext.DcDescription ??= cursor.ReadBody();
                break;
            case "language":
                ext.DcLanguage ??= NonEmpty(cursor.ReadText());
                break;
        }
    }

    private static void ReadAtomInRss(FeedXmlReader cursor, EntryExtensions ext, string local)
    {
        var reader = cursor.Reader;
        switch (local)
        {
            case "link":
                var rel = reader.GetAttribute("rel") ?? "alternate";
                var href = cursor.ResolvedAttribute("href");
                if (href is null)
                {
                    break;
                }

                if (rel == "alternate")
                {
                    ext.AtomAlternate ??= href;
                }
                else if (rel == "enclosure")
                {
                    (ext.AtomEnclosures ??= []).Add(new MediaReference(href, MediaKind.Enclosure, reader.GetAttribute("type"), ParseLength(reader.GetAttribute("length"))));
                }

                break;
            case "author":
                var depth = reader.Depth;
                while (cursor.NextChild(depth))
                {
                    if (reader.LocalName == "name")
                    {
                        ext.AtomAuthor ??= NonEmpty(cursor.ReadText());
                    }
                }

                break;
            case "updated":
                ext.AtomUpdated ??= NonEmpty(cursor.ReadText());
                break;
            case "published":
                ext.AtomPublished ??= NonEmpty(cursor.ReadText());
                break;
        }
    }

    internal static long? ParseLength(string? value) =>
        long.TryParse(value, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var length) && length >= 0 ? length : null;
}
