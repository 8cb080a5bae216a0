using System.Xml;

namespace Aggregator.Parsing.Xml;

/// <summary>
/// The namespace URIs the readers look for, atomized in the reader's name table so a namespace test
/// is one reference comparison.
/// </summary>
internal sealed class FeedNames
{
    public const string AtomUri = "http://www.w3.org/2005/Atom";
    public const string Atom03Uri = "http://purl.org/atom/ns#";
    public const string RdfUri = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
    public const string Rss10Uri = "http://purl.org/rss/1.0/";
    public const string Rss090Uri = "http://my.netscape.com/rdf/simple/0.9/";
    public const string ContentUri = "http://purl.org/rss/1.0/modules/content/";
    public const string DcUri = "http://purl.org/dc/elements/1.1/";
    public const string DcTermsUri = "http://purl.org/dc/terms/";
    public const string MediaUri = "http://search.yahoo.com/mrss/";
    public const string ItunesUri = "http://www.itunes.com/dtds/podcast-1.0.dtd";
    public const string SlashUri = "http://purl.org/rss/1.0/modules/slash/";
    public const string WfwUri = "http://wellformedweb.org/CommentAPI/";
    public const string FeedburnerUri = "http://rssnamespace.org/feedburner/ext/1.0";
    public const string XhtmlUri = "http://www.w3.org/1999/xhtml";
    public const string XmlUri = "http://www.w3.org/XML/1998/namespace";

    /// <summary>Prefixes feeds use without declaring them; declared in advance so such a feed still reads.</summary>
    public static readonly IReadOnlyList<KeyValuePair<string, string>> WellKnownPrefixes =
    [
        new("content", ContentUri), new("dc", DcUri), new("dcterms", DcTermsUri), new("media", MediaUri),
        new("itunes", ItunesUri), new("atom", AtomUri), new("rdf", RdfUri), new("slash", SlashUri),
        new("wfw", WfwUri), new("feedburner", FeedburnerUri), new("xhtml", XhtmlUri),
    ];

    public FeedNames(XmlNameTable table)
    {
        Atom = table.Add(AtomUri);
        Atom03 = table.Add(Atom03Uri);
        Rdf = table.Add(RdfUri);
        Rss10 = table.Add(Rss10Uri);
        Rss090 = table.Add(Rss090Uri);
        Content = table.Add(ContentUri);
        Dc = table.Add(DcUri);
        DcTerms = table.Add(DcTermsUri);
        Media = table.Add(MediaUri);
        Itunes = table.Add(ItunesUri);
        ItunesDtds = table.Add("http://www.itunes.com/DTDs/Podcast-1.0.dtd");
        MediaNoSlash = table.Add("http://search.yahoo.com/mrss");
        Slash = table.Add(SlashUri);
        Wfw = table.Add(WfwUri);
        Feedburner = table.Add(FeedburnerUri);
        Xhtml = table.Add(XhtmlUri);
        Xml = table.Add(XmlUri);
        Empty = table.Add(string.Empty);
        Base = table.Add("base");
    }

    public string Atom { get; }
    public string Atom03 { get; }
    public string Rdf { get; }
    public string Rss10 { get; }
    public string Rss090 { get; }
    public string Content { get; }
    public string Dc { get; }
    public string DcTerms { get; }
    public string Media { get; }
    public string Itunes { get; }
    /// <summary>The spelling of the iTunes namespace Apple's own old examples used.</summary>
    public string ItunesDtds { get; }
    public string Slash { get; }
    public string Wfw { get; }
    public string Feedburner { get; }
    public string Xhtml { get; }
    public string Xml { get; }
    public string Empty { get; }
    /// <summary>The local name of xml:base.</summary>
    public string Base { get; }

    /// <summary>Media RSS, also under the URI without its final slash that many feeds declare (feedparser accepts both).</summary>
    public bool IsMedia(string ns) => ReferenceEquals(ns, Media) || ReferenceEquals(ns, MediaNoSlash);

    private string MediaNoSlash { get; }

    public bool IsItunes(string ns) => ReferenceEquals(ns, Itunes) || ReferenceEquals(ns, ItunesDtds);

    /// <summary>True for the namespaces the extension reader handles (everything else in RSS is read as core RSS).</summary>
    public bool IsExtension(string ns) =>
        ReferenceEquals(ns, Content) || ReferenceEquals(ns, Dc) || ReferenceEquals(ns, DcTerms) || IsMedia(ns)
        || IsItunes(ns) || ReferenceEquals(ns, Atom) || ReferenceEquals(ns, Slash) || ReferenceEquals(ns, Wfw)
        || ReferenceEquals(ns, Feedburner) || ReferenceEquals(ns, Rdf) || ReferenceEquals(ns, Xhtml);
}
