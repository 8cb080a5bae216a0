using System.Text;
using System.Xml;

namespace Aggregator.Publishing.Atom;

/// <summary>
/// Writes Atom 1.0 (RFC 4287) documents as bytes: UTF-8 without BOM, indented, LF line ends. The
/// feed's own elements come from an XmlWriter; the entries are pre-rendered fragments spliced in
/// before the closing tag, so an entry shared by several feeds (or unchanged since the last publish)
/// is rendered once. The output depends only on the page (no clock).
/// </summary>
internal static class AtomFeedWriter
{
    private static readonly XmlWriterSettings Settings = new()
    {
        Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        Indent = true,
        IndentChars = "  ",
        NewLineChars = "\n",
        NewLineHandling = NewLineHandling.Entitize,
        CheckCharacters = true,
    };

    private static readonly byte[] FeedEnd = "\n</feed>"u8.ToArray();
    private static readonly byte[] EntryIndent = "\n  "u8.ToArray();

    /// <param name="page">The document to write, with its entries already rendered.</param>
    public static byte[] Write(AtomFeedPage page) => Write(page, []);

    /// <param name="page">The document to write, with its entries already rendered.</param>
    /// <param name="entryOffsets">
    /// Receives where each entry starts in the document (one slot per entry, or empty): an entry's
    /// bytes are its fragment unchanged, so the caller can keep a slice of the document instead of
    /// the fragment.
    /// </param>
    public static byte[] Write(AtomFeedPage page, Span<int> entryOffsets)
    {
        var head = Head(page);
        if (!head.AsSpan().EndsWith(FeedEnd))
            throw new InvalidOperationException("publish: the Atom writer did not end the feed with its closing tag; cannot add the entries.");
        var size = head.Length;
        foreach (var fragment in page.Entries)
            size += fragment.Length + EntryIndent.Length;
        var document = new byte[size];
        var at = head.Length - FeedEnd.Length;
        head.AsSpan(0, at).CopyTo(document);
        for (var i = 0; i < page.Entries.Count; i++)
        {
            EntryIndent.CopyTo(document, at);
            at += EntryIndent.Length;
            if (i < entryOffsets.Length)
                entryOffsets[i] = at;
            page.Entries[i].Span.CopyTo(document.AsSpan(at));
            at += page.Entries[i].Length;
        }
        FeedEnd.CopyTo(document, at);
        return document;
    }

    /// <summary>The feed document without entries, ending in <c>\n&lt;/feed&gt;</c>.</summary>
    private static byte[] Head(AtomFeedPage page)
    {
        const string atom = AtomNames.Atom;
        using var buffer = new MemoryStream(2048);
        using (var xml = XmlWriter.Create(buffer, Settings))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("feed", atom);
            xml.WriteAttributeString("xmlns", "media", null, AtomNames.Media);
            xml.WriteElementString("id", atom, page.FeedId);
            AtomEntryWriter.WriteText(xml, atom, "title", XmlText.SingleLine(page.Title));
            xml.WriteElementString("updated", atom, AtomNames.Rfc3339Micros(page.Updated));
            xml.WriteStartElement("author", atom);
            xml.WriteElementString("name", atom, XmlText.SingleLine(page.Author));
            xml.WriteEndElement();
            xml.WriteElementString("generator", atom, AtomNames.Generator);
            const string feedType = "application/atom+xml";
            AtomEntryWriter.WriteLink(xml, atom, "self", page.Self.AbsoluteUri, feedType, title: null);
            AtomEntryWriter.WriteLink(xml, atom, "alternate", page.Alternate.AbsoluteUri, "text/html", title: null);
            AtomEntryWriter.WriteLink(xml, atom, "first", page.First.AbsoluteUri, feedType, title: null);
            if (page.Previous is not null)
                AtomEntryWriter.WriteLink(xml, atom, "previous", page.Previous.AbsoluteUri, feedType, title: null);
            if (page.Next is not null)
                AtomEntryWriter.WriteLink(xml, atom, "next", page.Next.AbsoluteUri, feedType, title: null);
            AtomEntryWriter.WriteLink(xml, atom, "last", page.Last.AbsoluteUri, feedType, title: null);
            // Forces the full end tag (not <feed ... />) even for a feed that will get no entries.
            xml.WriteFullEndElement();
            xml.WriteEndDocument();
        }
        return buffer.ToArray();
    }
}
