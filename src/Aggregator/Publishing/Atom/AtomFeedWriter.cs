using System.Text;
using System.Xml;

namespace Aggregator.Publishing.Atom;

/// <summary>
/// Writes Atom 1.0 (RFC 4287) documents as bytes: UTF-8 without BOM, indented, LF line ends. The
/// output depends only on the page (no clock), so unchanged content gives unchanged bytes.
/// </summary>
internal sealed class AtomFeedWriter(AtomEntryWriter entries)
{
    private static readonly XmlWriterSettings Settings = new()
    {
        Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        Indent = true,
        IndentChars = "  ",
        NewLineChars = "\n",
        NewLineHandling = NewLineHandling.Replace,
        CheckCharacters = true,
    };

    public byte[] Write(AtomFeedPage page)
    {
        using var buffer = new MemoryStream();
        using (var xml = XmlWriter.Create(buffer, Settings))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("feed", AtomNames.Atom);
            xml.WriteAttributeString("xmlns", "media", null, AtomNames.Media);
            xml.WriteElementString("id", AtomNames.Atom, page.FeedId);
            AtomEntryWriter.WriteText(xml, "title", XmlText.SingleLine(page.Title));
            xml.WriteElementString("updated", AtomNames.Atom, AtomNames.Rfc3339Micros(Updated(page)));
            xml.WriteStartElement("author", AtomNames.Atom);
            xml.WriteElementString("name", AtomNames.Atom, XmlText.SingleLine(page.Author));
            xml.WriteEndElement();
            xml.WriteElementString("generator", AtomNames.Atom, AtomNames.Generator);
            AtomEntryWriter.WriteLink(xml, "self", page.Self.AbsoluteUri, "application/atom+xml", title: null);
            AtomEntryWriter.WriteLink(xml, "alternate", page.Alternate.AbsoluteUri, "text/html", title: null);
            AtomEntryWriter.WriteLink(xml, "first", page.First.AbsoluteUri, "application/atom+xml", title: null);
            if (page.Previous is not null)
                AtomEntryWriter.WriteLink(xml, "previous", page.Previous.AbsoluteUri, "application/atom+xml", title: null);
            if (page.Next is not null)
                AtomEntryWriter.WriteLink(xml, "next", page.Next.AbsoluteUri, "application/atom+xml", title: null);
            AtomEntryWriter.WriteLink(xml, "last", page.Last.AbsoluteUri, "application/atom+xml", title: null);
            foreach (var entry in page.Entries)
                entries.Write(xml, entry);
            xml.WriteEndElement();
            xml.WriteEndDocument();
        }
        return buffer.ToArray();
    }

    /// <summary>The newest entry's updated time, or a fixed instant for an empty page.</summary>
    public static DateTimeOffset Updated(AtomFeedPage page)
    {
        var newest = AtomNames.EmptyFeedUpdated;
        var any = false;
        foreach (var entry in page.Entries)
        {
            var updated = AtomEntryWriter.Updated(entry);
            if (!any || updated > newest)
                newest = updated;
            any = true;
        }
        return newest;
    }
}
