using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Aggregator.Model;
using Aggregator.Normalizing.Identity;

namespace StoreKillDrill;

/// <summary>
/// Deterministic articles that look like one poll of a Chinese financial source: ~2 KB bodies, unique
/// stories, and about 30% re-published by another source (same link, or another link with the same title).
/// </summary>
internal sealed class DrillArticles(string prefix, int seed)
{
    private static readonly string[] Words = ["央行", "逆回购", "利率", "沪指", "深成指", "创业板", "北向资金", "券商", "新能源", "半导体", "业绩预告", "净利润", "同比增长", "监管", "降准", "国债", "人民币", "汇率", "原油", "黄金"];
    private readonly Random random = new(seed);
    private readonly List<Article> published = [];

    public static SourceDefinition Source(int index) => new()
    {
        Id = "drill" + index.ToString(CultureInfo.InvariantCulture),
        Title = "演练来源" + index.ToString(CultureInfo.InvariantCulture),
        Url = new Uri($"https://drill{index}.example.com/rss.xml"),
        Categories = ["金融"],
        Schedule = "0 */10 * * * ?",
        Priority = 10 + index,
    };

    public IReadOnlyList<Article> Batch(SourceDefinition source, int batch, int size, DateTimeOffset now)
    {
        var articles = new List<Article>(size);
        for (var i = 0; i < size; i++)
        {
            var key = $"{prefix}-b{batch}-i{i}";
            if (published.Count > 0 && random.NextDouble() < 0.3)
            {
                var original = published[random.Next(published.Count)];
                if (original.SourceId == source.Id)
                    continue;
                // Half carry the original link (level 2), half their own link with the same title (level 3).
                var link = random.Next(2) == 0 ? original.Link : $"https://{source.Id}.example.com/{key}.html";
                articles.Add(original with { SourceId = source.Id, EntryKey = key, Guid = key, Link = link, Categories = [.. source.Categories, "转载"] });
                continue;
            }

            var article = Create(source, key, now.AddMinutes(-random.Next(600)));
            articles.Add(article);
            published.Add(article);
        }

        return articles;
    }

    /// <summary>Random common CJK ideographs: unrelated stories must not look alike to SimHash.</summary>
    private string RandomHanzi(int count)
    {
        var chars = new char[count];
        for (var i = 0; i < count; i++)
            chars[i] = (char)random.Next(0x4E00, 0x9FA5);
        return new string(chars);
    }

    private Article Create(SourceDefinition source, string key, DateTimeOffset when)
    {
        var title = $"{Words[random.Next(Words.Length)]}{RandomHanzi(6)}{Words[random.Next(Words.Length)]}{RandomHanzi(4)}";
        var text = new StringBuilder();
        while (text.Length < 700)
            text.Append(Words[random.Next(Words.Length)]).Append(RandomHanzi(12)).Append(random.Next(10000).ToString(CultureInfo.InvariantCulture)).Append('，');
        var plain = key + text;
        var body = $"<div><p>{plain}</p><img src=\"https://img.example.com/{key}.jpg\"></div>";
        return new Article
        {
            SourceId = source.Id,
            EntryKey = key,
            Guid = key,
            Link = $"https://{source.Id}.example.com/{key}.html",
            Title = title,
            Categories = [.. source.Categories, "快讯"],
            Thumbnail = $"https://img.example.com/{key}.jpg",
            Author = source.Title,
            Published = when,
            Body = body,
            Summary = plain[..Math.Min(plain.Length, 200)],
            ContentHash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(title + body))),
            TitleKey = StoryIdentity.TitleKey(title, null),
            BodyFingerprint = StoryIdentity.Fingerprint(plain),
        };
    }
}
