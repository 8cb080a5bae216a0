using Aggregator.Parsing.Extensions;
using Aggregator.Parsing.Xml;

namespace Aggregator.Parsing.Atom;

/// <summary>Reads Atom 1.0 and 0.3 from the root element into <see cref="AtomFeed"/> (0.3's issued/modified/created and modes included).</summary>
internal static class AtomReader
{
    public static void Read(FeedXmlReader cursor, AtomFeed feed, bool atom03)
    {
        var reader = cursor.Reader;
        feed.Language = ExtensionReader.NonEmpty(reader.XmlLang);
        if (reader.IsEmptyElement)
        {
            return;
        }

        var depth = reader.Depth;
        while (cursor.NextChild(depth))
        {
            if (!IsAtom(cursor))
            {
                ExtensionReader.TryRead(cursor, feed.Extensions);
                continue;
            }

            switch (reader.LocalName)
            {
                case "entry" or "item":
                    feed.Entries.Add(ReadEntry(cursor, atom03));
                    break;
                case "title":
                    feed.Title ??= AtomText.Read(cursor, atom03);
                    break;
                case "link":
                    AddLink(cursor, feed.Links ??= []);
                    break;
                case "author":
                    feed.Author ??= ReadPerson(cursor);
                    break;
            }
        }
    }

    private static AtomEntry ReadEntry(FeedXmlReader cursor, bool atom03)
    {
        var reader = cursor.Reader;
        var entry = new AtomEntry { BaseUri = cursor.ExplicitBase };
        if (reader.IsEmptyElement)
        {
            return entry;
        }

        var depth = reader.Depth;
        while (cursor.NextChild(depth))
        {
            if (!IsAtom(cursor))
            {
                ExtensionReader.TryRead(cursor, entry.Extensions);
                continue;
            }

            switch (reader.LocalName)
            {
                case "id":
                    entry.Id ??= ExtensionReader.NonEmpty(cursor.ReadText());
                    break;
                case "title":
                    entry.Title ??= AtomText.Read(cursor, atom03);
                    break;
                case "link":
                    AddLink(cursor, entry.Links ??= []);
                    break;
                case "author" when ReadPerson(cursor) is { } author:
                    (entry.Authors ??= []).Add(author);
                    break;
                case "published" or "issued":
                    entry.Published ??= ExtensionReader.NonEmpty(cursor.ReadText());
                    break;
                case "updated" or "modified":
                    entry.Updated ??= ExtensionReader.NonEmpty(cursor.ReadText());
                    break;
                case "created":
                    entry.Created ??= ExtensionReader.NonEmpty(cursor.ReadText());
                    break;
                case "category":
                    var term = ExtensionReader.NonEmpty(reader.GetAttribute("term")) ?? ExtensionReader.NonEmpty(reader.GetAttribute("label"));
                    if (term is not null)
                    {
                        (entry.Categories ??= []).Add(term);
                    }

                    break;
                case "content":
                    var contentBase = cursor.ExplicitBase;
                    if (entry.Content is null && reader.GetAttribute("src") is null)
                    {
                        entry.Content = AtomText.Read(cursor, atom03, body: true);
                        entry.BaseUri = contentBase ?? entry.BaseUri; // the base the body's relative URLs are written against
                    }

                    break;
                case "summary":
                    entry.Summary ??= AtomText.Read(cursor, atom03, body: true);
                    break;
                case "source":
                    entry.SourceTitle ??= ReadSourceTitle(cursor);
                    break;
            }
        }

        return entry;
    }

    private static bool IsAtom(FeedXmlReader cursor)
    {
        var ns = cursor.Reader.NamespaceURI;
        var names = cursor.Names;
        return ReferenceEquals(ns, names.Atom) || ReferenceEquals(ns, names.Atom03) || ns.Length == 0;
    }

    private static void AddLink(FeedXmlReader cursor, List<AtomLink> links)
    {
        var reader = cursor.Reader;
        var rel = ExtensionReader.NonEmpty(reader.GetAttribute("rel")) ?? "alternate";
        var type = reader.GetAttribute("type");
        var length = reader.GetAttribute("length");
        var href = cursor.ResolvedAttribute("href");
        if (string.IsNullOrEmpty(href) && ExtensionReader.NonEmpty(cursor.ReadPlainText()) is { } text)
        {
            href = cursor.Resolve(text); // some feeds write the URL as the link's text
        }

        if (string.IsNullOrEmpty(href))
        {
            return;
        }

        links.Add(new AtomLink(rel, href, type, ExtensionReader.ParseLength(length)));
    }

    /// <summary>An author's name, else the email when the name is missing.</summary>
    private static string? ReadPerson(FeedXmlReader cursor)
    {
        var reader = cursor.Reader;
        if (reader.IsEmptyElement)
        {
            return null;
        }

        string? name = null, email = null;
        var depth = reader.Depth;
        while (cursor.NextChild(depth))
        {
            switch (reader.LocalName)
            {
                case "name":
                    name ??= ExtensionReader.NonEmpty(cursor.ReadText());
                    break;
                case "email":
                    email ??= ExtensionReader.NonEmpty(cursor.ReadText());
                    break;
            }
        }

        return name ?? email;
    }

    private static string? ReadSourceTitle(FeedXmlReader cursor)
    {
        var reader = cursor.Reader;
        if (reader.IsEmptyElement)
        {
            return null;
        }

        string? title = null;
        var depth = reader.Depth;
        while (cursor.NextChild(depth))
        {
            if (reader.LocalName == "title" && IsAtom(cursor))
            {
                title ??= ExtensionReader.NonEmpty(cursor.ReadText());
            }
        }

        return title;
    }
}
