using Aggregator.Model;
using Aggregator.Normalizing.Html;
using Aggregator.Parsing;
using Aggregator.Tests.Support;
using Xunit.Abstractions;

namespace Aggregator.Tests.Normalizing.Html;

/// <summary>
/// The fast path gives exactly what AngleSharp and HtmlSanitizer give — HTML, text and first image —
/// on every body it accepts, and it accepts the common ones: checked on hand-made edge cases, the XSS
/// vectors, the generated corpus, the recorded feeds and feedparser's conformance corpus.
/// </summary>
public sealed class FastBodyTests(ITestOutputHelper output)
{
    private static readonly BodySanitizer WithFastPath = new();
    private static readonly BodySanitizer SanitizerOnly = new(() => BodyParser.Shared, fast: false);
    private static readonly FastBodyPolicy Policy = FastBodyPolicy.For(SanitizerPolicy.Create())!;
    private static readonly Uri Base = new("https://news.example.cn/a/1.html");

    public static TheoryData<string> EdgeCases() =>
    [
        "<p>plain</p><p><strong>bold</strong> and <em>em</em></p>",
        "<p style=\"text-align: center;\"><img src=\"https://img.example.cn/a.jpg\" alt=\"\" /></p>",
        "<p style=\"text-align:center\"><img data-src=\"https://i.example.cn/b.jpg\" src=\"https://i.example.cn/b.jpg\" width=\"600\" height=\"400\" alt=\"标题\" /></p>",
        "<p>text<a href=\"https://www.example.cn/\" target=\"_blank\">相关阅读</a></p>",
        "<p onclick=\"track()\">tracked</p><script>var _hmt=_hmt||[];</script><p>after</p>",
        "<p>a<p>b", "<p>a<div>b</div></p>", "<b><p>x</b></p>", "<p><b>x</p>", "<li>loose</li>", "<ul><li>a<li>b</ul>",
        "<ul><li>a</li><li>b <ol><li>c</li></ol></li></ul>", "<a href=\"/x\">a<a href=\"/y\">b</a></a>", "<h1>t<h2>u</h2></h1>",
        "<p>open at the end", "<div><span>nested <i>deep</i></span>", "<P CLASS=\"x\" Style=\"text-align:left\">upper</P>",
        "<p/>self-closed p", "<br/><br /><hr><img src=\"/rel.jpg\">", "</br>", "<p>a</p></p>", "</div>stray",
        "<img src=\"/a.jpg\" width=\"1\" height=\"1\">", "<img src=\"https://hm.baidu.com/hm.gif\"><img src=\"https://x.example/ok.png\">",
        "<img src=\"\" data-src=\"/lazy.jpg\">", "<img src=\"data:image/gif;base64,R0lGODlhAQABAAAAACw=\" data-src=\"/l.jpg\">", "<img alt=\"no src\">",
        "<img src=\" https://x.example/space.jpg\">", "<img src=\"//cdn.example.cn/p.jpg\">", "<a href=\"?page=2\">q</a><a href=\"#top\">f</a>",
        "<a href=\"mailto:a@b.c\">m</a>", "<a href=\"javascript:alert(1)\">j</a>", "<a href=\"HTTPS://Example.CN/A\">caps</a>",
        "<a href=\"x:y/z\">odd</a>", "<a href=\"a/b:c\">colon later</a>", "<a href=https://unquoted.example/x>u</a>",
        "<a href='https://single.example/x' title='say \"hi\"'>q</a>", "<a target=\"_blank\" rel=\"nofollow\" href=\"/r\">rel</a>",
        "<a rel=\"nofollow\" href=\"/r\">rel alone</a>", "<p title=\"a\" title=\"b\" TITLE=\"c\">dup</p>", "<p data-x=\"1\" _width=\"3\" oldsrc=\"o\">data</p>",
        "<p>1 &lt; 2 &amp; 3 &gt; 2&nbsp;x</p>", "<p>a > b</p>", "<p>x\u00A0y</p>", "<p>tab\there\nnew line</p>", "<p>cr\r\nlf</p>",
        "<p>nul\0</p>", "<!-- c --><p>after comment</p>", "<p>a < b</p>", "<script><!--</script><p>x</p>--></script>",
        "<SCRIPT>x</SCRIPT ><p>y</p>", "<script>unterminated", "<style>p{color:red}</style><p>s</p>", "<scripts>no</scripts>",
        "<p style=\"text-align: center; color: red\">two</p>", "<p style=\"text-align:middle\">bad</p>", "<p style=\"\">empty</p>",
        "<table><tr><td>t</td></tr></table>", "<p>emoji 😀 ok</p>", "<p>lone \uD800 surrogate</p>", "<img src=\"https://x.example/a.jpg\" srcset=\"b.jpg 2x\">",
        "<span>a</span><span>b</span> <em>c</em>\n<p>d</p>", "   <p>leading space</p>", "<p>x</p>\n\n", "<blockquote><p>q</p></blockquote><figure><img src=\"/f.jpg\"><figcaption>cap</figcaption></figure>",
        "<sub>1</sub><sup>2</sup><u>u</u>", "<a href=\"/a\"><p>block in link</p></a>", "<p><a href=\"/a\" target=\"_blank\">x</a></p>",
        "<img src=\"https://x.example/a.jpg\" onerror=\"alert(1)\" alt=\"x\">", "<p id=\"x\" class=\"y\" lang=\"zh\" dir=\"ltr\">attrs</p>",
        "<p title=\"line\nbreak\ttab\">nl</p>", "<b><b><b><b>four</b></b></b></b> <i><b>x</b></i>", "<p>a<br>b<hr>c</p>", "<p>x</p><hr><p>y</p>",
        "<p a=1 b c=\"\">bare</p>", "<p title=a=b>eq</p>", "<p title=`x`>tick</p>", "<p\ttitle=\"t\"\n>ws</p>", "<p title=\"x\"title=\"y\">joined</p>",
    ];

    [Theory]
    [MemberData(nameof(EdgeCases))]
    public void EdgeCasesSanitizeAsWithoutTheFastPath(string html)
    {
        Assert.Equal(SanitizerOnly.Sanitize(html, Base), WithFastPath.Sanitize(html, Base));
        Assert.Equal(SanitizerOnly.Sanitize(html, null), WithFastPath.Sanitize(html, null));
    }

    [Theory]
    [MemberData(nameof(XssVectorTests.Vectors), MemberType = typeof(XssVectorTests))]
    public void XssVectorsSanitizeAsWithoutTheFastPath(string vector)
    {
        var html = "<p>before</p>" + vector + "<p>after</p>";
        Assert.Equal(SanitizerOnly.Sanitize(html, Base), WithFastPath.Sanitize(html, Base));
    }

    [Fact]
    public void TheCommonBodiesTakeTheFastPath()
    {
        Assert.True(FastBody.TryRender(Policy, "<p>text<a href=\"https://www.example.cn/\" target=\"_blank\">相关阅读</a></p><p style=\"text-align: center;\"><img src=\"/a.jpg\" alt=\"\" /></p>", Base, out var body));
        Assert.Equal("<p>text<a href=\"https://www.example.cn/\" target=\"_blank\" rel=\"noopener noreferrer\">相关阅读</a></p><p style=\"text-align: center;\"><img src=\"https://news.example.cn/a.jpg\" alt></p>", body.Html);
        Assert.Equal("text相关阅读", body.PlainText);
        Assert.Equal("https://news.example.cn/a.jpg", body.FirstImage);
        Assert.False(FastBody.TryRender(Policy, "<p>1 &amp; 2</p>", Base, out _));
        Assert.False(FastBody.TryRender(Policy, "<p>a<p>b", Base, out _));
    }

    /// <summary>NORMALIZING_CORPUS names another generated corpus (e.g. the benchmark's 500 feeds) to check instead.</summary>
    [Fact]
    public void EveryBodyOfTheGeneratedCorpusSanitizesAsWithoutTheFastPath() =>
        CompareFolder(Environment.GetEnvironmentVariable("NORMALIZING_CORPUS") is { Length: > 0 } custom ? custom : NormalizingPaths.TestData("corpus"), minimumFastShare: 0.9);

    [Fact]
    public void EveryBodyOfTheRecordedFeedsSanitizesAsWithoutTheFastPath() =>
        CompareFolder(Path.Combine(NormalizingPaths.RepositoryRoot, "samples", "recorded"), minimumFastShare: 0);

    [Fact]
    public void EveryBodyOfFeedparsersCorpusSanitizesAsWithoutTheFastPath() =>
        CompareFolder(ParsingCorpus.Root, minimumFastShare: 0);

    /// <summary>Every entry body of every feed under <paramref name="folder"/>, both ways; the fast path must take at least the given share.</summary>
    private void CompareFolder(string folder, double minimumFastShare)
    {
        var parser = new FeedParser();
        int bodies = 0, fast = 0;
        var differences = new List<string>();
        foreach (var path in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            ParsedFeed feed;
            try
            {
                feed = parser.Parse(new FeedPayload(File.ReadAllBytes(path), null, new Uri(path)));
            }
            catch (FeedParseException)
            {
                continue;
            }

            foreach (var entry in feed.Entries)
            {
                foreach (var html in (string?[])[entry.Content, entry.Summary])
                {
                    if (string.IsNullOrWhiteSpace(html))
                        continue;
                    var baseUri = Uri.TryCreate(entry.Link, UriKind.Absolute, out var link) ? link : Base;
                    bodies++;
                    if (FastBody.TryRender(Policy, html, baseUri, out _))
                        fast++;
                    if (SanitizerOnly.Sanitize(html, baseUri) != WithFastPath.Sanitize(html, baseUri))
                        differences.Add($"{Path.GetFileName(path)}: {html[..Math.Min(html.Length, 200)]}");
                }
            }
        }

        output.WriteLine($"{bodies} bodies, {fast} through the fast path, {differences.Count} differences");
        Assert.True(bodies > 0, "no bodies under " + folder);
        Assert.True(differences.Count == 0, string.Join("\n", differences.Take(10)));
        Assert.True(fast >= minimumFastShare * bodies, $"only {fast} of {bodies} bodies took the fast path");
    }
}
