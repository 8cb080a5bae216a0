using System.Net;
using System.Text;
using System.Xml.Linq;

namespace Aggregator.Drills.Xss;

/// <summary>
/// The page Chromium renders: a hook script first (alert, confirm and prompt only count, into an
/// attribute of the root element that --dump-dom shows), then the entries as a reader would show
/// them (content and html-typed text as HTML, links as anchors, thumbnails as images), then a
/// final script that counts what should not be in the DOM at all (scripts, on* handlers, script URLs).
/// </summary>
internal static class XssPage
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    private static readonly XNamespace Media = "http://search.yahoo.com/mrss/";

    private const string Hook = """
        <script data-drill="hook">
        (function () {
          var root = document.documentElement, alerts = 0;
          function hit() { alerts++; root.setAttribute('data-xss-alerts', String(alerts)); document.title = 'alerts:' + alerts; }
          window.alert = hit; window.confirm = hit; window.prompt = hit;
          root.setAttribute('data-xss-alerts', '0');
          root.setAttribute('data-hook', 'ready');
        })();
        </script>
        """;

    private const string Census = """
        <script data-drill="census">
        function census() {
          var bad = 0;
          document.body.querySelectorAll('*').forEach(function (el) {
            if (el.tagName === 'SCRIPT' && !el.hasAttribute('data-drill')) bad++;
            if (/^(IFRAME|OBJECT|EMBED|FRAME|FRAMESET|BASE|META|LINK|FORM)$/.test(el.tagName)) bad++;
            for (var i = 0; i < el.attributes.length; i++) {
              var a = el.attributes[i], v = a.value.replace(/[\s\u0000-\u001f]/g, '').toLowerCase();
              if (/^on/i.test(a.name)) bad++;
              else if (/^(javascript|vbscript|data:text\/html)/.test(v)) bad++;
            }
          });
          document.documentElement.setAttribute('data-xss-dangerous', String(bad));
          document.documentElement.setAttribute('data-census', 'done');
        }
        census();
        window.addEventListener('load', function () { setTimeout(census, 500); });
        </script>
        """;

    /// <summary>A page of every entry of the published Atom files under <paramref name="feedsFolder"/> (each entry once).</summary>
    public static (string Html, int Entries) FromPublished(string feedsFolder)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var body = new StringBuilder();
        foreach (var file in Directory.EnumerateFiles(feedsFolder, "*.atom").Order(StringComparer.Ordinal))
        {
            foreach (var entry in XDocument.Load(file).Root!.Elements(Atom + "entry"))
            {
                if (!seen.Add((string?)entry.Element(Atom + "id") ?? ""))
                    continue;
                var link = entry.Elements(Atom + "link").FirstOrDefault(l => ((string?)l.Attribute("rel") ?? "alternate") == "alternate");
                body.Append("<article><h2><a href=\"").Append(WebUtility.HtmlEncode((string?)link?.Attribute("href") ?? "")).Append("\">")
                    .Append(Render(entry.Element(Atom + "title"))).Append("</a></h2>");
                foreach (var image in entry.Elements(Atom + "link").Where(l => (string?)l.Attribute("rel") == "enclosure")
                    .Select(l => (string?)l.Attribute("href")).Concat(entry.Descendants(Media + "thumbnail").Select(t => (string?)t.Attribute("url"))))
                {
                    body.Append("<img src=\"").Append(WebUtility.HtmlEncode(image ?? "")).Append("\">");
                }

                body.Append(Render(entry.Element(Atom + "summary"))).Append(Render(entry.Element(Atom + "content"))).Append("</article>\n");
            }
        }

        return (Wrap(body.ToString()), seen.Count);
    }

    /// <summary>
    /// The control: the raw vectors with no aggregator in between. It must fire, or the harness sees
    /// nothing. Vectors that navigate or open frames are left out: they keep the page from settling.
    /// </summary>
    public static string Control(IReadOnlyList<string> vectors) =>
        Wrap(string.Concat(vectors
            .Where(v => !Navigating.Any(tag => v.Contains(tag, StringComparison.OrdinalIgnoreCase)))
            .Select(v => "<article>" + v + "</article>\n")));

    private static readonly string[] Navigating = ["<meta", "<base", "<frame", "<iframe", "<object", "<embed", "<form", "<button", "<isindex", "<body", "<html", "autofocus"];

    private static string Wrap(string body) =>
        "<!doctype html><html><head><meta charset=\"utf-8\"><title>xss drill</title>" + Hook + "</head><body>\n" + body + Census + "</body></html>\n";

    /// <summary>An Atom text construct as a reader shows it: html and xhtml as markup, text escaped.</summary>
    private static string Render(XElement? element)
    {
        if (element is null)
            return "";
        return ((string?)element.Attribute("type") ?? "text") switch
        {
            "html" => element.Value,
            "xhtml" => string.Concat(element.Nodes().Select(node => node.ToString())),
            _ => WebUtility.HtmlEncode(element.Value),
        };
    }
}
