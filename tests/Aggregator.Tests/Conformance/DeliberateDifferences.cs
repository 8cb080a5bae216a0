namespace Aggregator.Tests.Conformance;

/// <summary>A miss we keep on purpose, and why.</summary>
internal sealed record DeliberateDifference(string Name, string Reason, Func<CheckOutcome, bool> Covers);

/// <summary>
/// The allow-list: feedparser expectations we fail on purpose, each with its reason, matched by a
/// pattern (a field and the shape of the difference) or by file. Anything not covered here is a miss.
/// </summary>
internal static class DeliberateDifferences
{
    public static readonly IReadOnlyList<DeliberateDifference> All =
    [
        new("plain-text title",
            "Article.Title is plain text (the seed's title); feedparser returns an HTML-typed title as HTML, so its markup and entity spelling differ while the text is the same.",
            miss => miss.Reason == "title" && HtmlForm.Text(miss.Expected) == miss.Actual),
        new("title with no text",
            "A title that is only markup (an <img> with event handlers) has no text; our title falls back to the entry's link.",
            miss => miss.Reason == "title" && HtmlForm.Text(miss.Expected).Length == 0 && miss.Actual?.StartsWith("http", StringComparison.Ordinal) == true),
        new("our sanitizer policy",
            "HtmlSanitizer with our policy keeps a different set of attributes, elements and CSS spellings than feedparser's sanitizer " +
            "(it drops form controls and unknown attributes, re-serializes CSS colours as rgba, resolves empty URL attributes); the text a reader sees is identical.",
            miss => miss.Reason == "body" && miss.File.Contains("/sanitize/", StringComparison.Ordinal) && HtmlForm.Text(miss.Expected) == HtmlForm.Text(miss.Actual)),
        new("iframe content dropped",
            "An iframe's content is raw text to an HTML5 parser, never shown to a reader; we drop the frame whole, feedparser's HTML4-style parser keeps its words.",
            miss => miss.Reason == "body" && miss.File.EndsWith("_iframe.xml", StringComparison.Ordinal) && miss.File.Contains("/sanitize/", StringComparison.Ordinal)),
        new("no SVG or MathML in bodies",
            "Inline SVG and MathML are outside our sanitizer's allow-list (SVG can script); the article keeps the rest of the body.",
            miss => miss.Reason == "body" && (miss.Expected ?? string.Empty).TrimStart() is var html
                    && (html.StartsWith("<svg", StringComparison.Ordinal) || html.StartsWith("<math", StringComparison.Ordinal))),
        new("Content-Location is not a base",
            "The base for relative links is where we fetched the document (FeedPayload.Location, the final URL after redirects); " +
            "a Content-Location response header is not a base for us (the fetch stage does not pass it on, and a server's hint must not move links off-site).",
            miss => miss.File.Contains("_content_location", StringComparison.Ordinal)),
        new("IRI written percent-encoded",
            "Links in bodies are written as URIs (System.Uri.AbsoluteUri percent-encodes non-ASCII); http://any.test/%C3%80 is the same address as http://any.test/À.",
            miss => miss.File.EndsWith("/base/rel_uri_with_unicode_character.xml", StringComparison.Ordinal)),
        new("CDF unsupported",
            "Microsoft's Channel Definition Format (1997) is refused with a parse error: no site we poll publishes it.",
            miss => miss.Reason == "refused" && miss.File.Contains("/cdf/", StringComparison.Ordinal)),
        new("guid as written",
            "Article.Guid is the entry's id as written (the model's contract and our entry key); feedparser resolves a relative Atom id against the base.",
            miss => miss.Reason == "id" && miss.File.Contains("/base/http_entry_id_", StringComparison.Ordinal)),
        new("one author string",
            "Article.Author is the readable name(s), joined with \", \" when the entry has several, without e-mail addresses; feedparser's author is \"Name (mail)\" and authors[0] only the first.",
            miss => miss.Reason == "author" && miss.Actual is { Length: > 0 } actual && miss.Expected is { } expected
                    && (expected.StartsWith(actual + " (", StringComparison.Ordinal) || actual.StartsWith(expected + ", ", StringComparison.Ordinal))),
        new("dc:date is the publication date",
            "An RSS item's dc:date is when it was published (Article.Published holds it); feedparser files it under updated.",
            miss => miss.Reason == "updated" && miss.Actual is null && miss.File.EndsWith("/rss/item_dc_date_parsed.xml", StringComparison.Ordinal)),
        new("first of repeated dates",
            "When an entry repeats a date element, we keep the first; feedparser keeps the last (its \"ensure overwrite\" tests). Neither is more right; the first is what XmlReader-based readers see.",
            miss => miss.Reason is "published" or "updated" && (miss.File.EndsWith("_date_overwriting.xml", StringComparison.Ordinal) || miss.File.EndsWith("_multiple_values.xml", StringComparison.Ordinal))),
        new("made-up elements",
            "<tags> and <summary> are not RSS elements; feedparser maps them by name, we read only RSS's own category and description.",
            miss => miss.File.EndsWith("/rss/item_madeup_tags_element.xml", StringComparison.Ordinal)
                    || miss.File.EndsWith("/rss/item_description_and_summary.xml", StringComparison.Ordinal)
                    || miss.File.EndsWith("/rss/item_summary_and_description.xml", StringComparison.Ordinal)),
        new("declared text stays text",
            "Content declared plain text (type=\"text/plain\") or written as escaped text inside an xhtml div is shown as the characters written; feedparser re-reads it as HTML.",
            miss => miss.Reason == "body" && (miss.File.EndsWith("/atom10/entry_content_text_plain_brackets.xml", StringComparison.Ordinal)
                                              || miss.File.EndsWith("/atom10/entry_content_div_escaped_markup.xml", StringComparison.Ordinal))),
        new("HTML5 parsing",
            "Bodies are parsed by an HTML5 parser (AngleSharp, under HtmlSanitizer), as a browser would: \"<!'\" opens a bogus comment and a CDATA section in HTML is one; feedparser's sgmllib-style parser reads both as text.",
            miss => miss.Reason == "body" && (miss.File.EndsWith("/rss/item_description_not_a_doctype.xml", StringComparison.Ordinal)
                                              || miss.File.EndsWith("/sanitize/item_content_encoded_script_nested_cdata.xml", StringComparison.Ordinal))),
        new("image without a source",
            "An <img> with no src (or one the sanitizer removed) is dropped from the body: it shows nothing but a broken-image box.",
            miss => miss.Reason == "body" && miss.File.EndsWith("/encoding/euc-kr-attribute.xml", StringComparison.Ordinal)),
    ];

    public static DeliberateDifference? For(CheckOutcome miss) => All.FirstOrDefault(d => d.Covers(miss));
}
