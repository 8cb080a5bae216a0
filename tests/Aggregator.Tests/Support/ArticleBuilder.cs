using System.Security.Cryptography;
using System.Text;
using Aggregator.Model;
using Aggregator.Normalizing.Identity;

namespace Aggregator.Tests.Support;

/// <summary>
/// Builds normalized articles by hand. Title key, fingerprint and content hash are derived the way the
/// normalizer derives them unless a test sets them, so dedupe tests exercise the real identity keys.
/// </summary>
internal sealed class ArticleBuilder
{
    private string sourceId = "stcn";
    private string entryKey = "entry-1";
    private string? guid;
    private string? link;
    private string title = "央行开展1000亿元逆回购操作 中标利率维持不变";
    private string body = "<p>中国人民银行今日以利率招标方式开展了1000亿元7天期逆回购操作，中标利率维持1.8%不变。</p>";
    private List<string> categories = ["金融"];
    private DateTimeOffset published = new(2026, 11, 20, 8, 0, 0, TimeSpan.Zero);
    private DateTimeOffset? updated;
    private string? thumbnail;
    private string author = "证券时报网";
    private string? contentHash;
    private string? titleKey;
    private ulong? fingerprint;

    public ArticleBuilder From(string source) { sourceId = source; return this; }
    public ArticleBuilder Key(string key) { entryKey = key; return this; }
    public ArticleBuilder Guid(string value) { guid = value; entryKey = value; return this; }
    public ArticleBuilder Link(string value) { link = value; return this; }
    public ArticleBuilder Title(string value) { title = value; return this; }
    public ArticleBuilder Body(string value) { body = value; return this; }
    public ArticleBuilder Categories(params string[] names) { categories = [.. names]; return this; }
    public ArticleBuilder Published(DateTimeOffset value) { published = value; return this; }
    public ArticleBuilder Updated(DateTimeOffset value) { updated = value; return this; }
    public ArticleBuilder Thumbnail(string value) { thumbnail = value; return this; }
    public ArticleBuilder Author(string value) { author = value; return this; }
    public ArticleBuilder ContentHash(string value) { contentHash = value; return this; }
    public ArticleBuilder TitleKey(string value) { titleKey = value; return this; }
    public ArticleBuilder Fingerprint(ulong value) { fingerprint = value; return this; }

    public Article Build()
    {
        var summary = StripTags(body);
        var canonical = link ?? $"https://{sourceId}.example.com/news/{Uri.EscapeDataString(entryKey)}.html";
        return new Article
        {
            SourceId = sourceId,
            EntryKey = entryKey,
            Guid = guid,
            Link = canonical,
            Title = title,
            Categories = categories,
            Thumbnail = thumbnail,
            Author = author,
            Published = published,
            Updated = updated,
            Body = body,
            Summary = summary,
            ContentHash = contentHash ?? Hash(title + "\n" + body + "\n" + thumbnail),
            TitleKey = titleKey ?? StoryIdentity.TitleKey(title, null),
            BodyFingerprint = fingerprint ?? StoryIdentity.Fingerprint(summary),
        };
    }

    private static string StripTags(string html)
    {
        var text = new StringBuilder(html.Length);
        var inTag = false;
        foreach (var c in html)
        {
            if (c == '<') inTag = true;
            else if (c == '>') inTag = false;
            else if (!inTag) text.Append(c);
        }

        return text.ToString();
    }

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
