using System.Text;
using Aggregator.Model;
using Aggregator.Publishing.Posts;
using Aggregator.Tests.Support;

namespace Aggregator.Tests.Publishing.Posts;

public sealed class PostFormatterTests
{
    private const string SeedImage = "https://news.stcn.com/news/202105/W020210513740608846585.jpeg";

    [Fact]
    public void SeedArticleFormatsToTheSeedFileByteForByte()
    {
        var seed = File.ReadAllBytes(PublishingSeed.Path());
        var text = Encoding.UTF8.GetString(seed);
        var body = text[(text.IndexOf("\n---\n\n", 1, StringComparison.Ordinal) + "\n---\n\n".Length)..];
        var article = SeedArticle(body, "“创新科技金融服务模式，打造金融改革试验区”——先行示范区金融大讲堂第4期活动成功举办");

        var post = PostFormatter.Format(article);

        Assert.Equal(Encoding.UTF8.GetString(seed), Encoding.UTF8.GetString(post));
        Assert.Equal(seed, post);
    }

    [Fact]
    public void SeedTitleAsWrittenInTheSeedPassesThroughUnchanged()
    {
        var title = "_创新科技金融服务模式，打造金融改革试验区_——先行示范区金融大讲堂第4期活动成功举办";

        Assert.Equal(title, PostFormatter.Title(title));
    }

    [Fact]
    public void SingleQuotesAreDoubledAndDoubleQuotesBecomeUnderscores()
    {
        var post = PostFormatter.FormatText(SeedArticle("<p>x</p>", "It's \"big\"\nnews"));

        Assert.Contains("\ntitle: 'It''s _big_ news'\n", post, StringComparison.Ordinal);
    }

    [Fact]
    public void PostWithoutThumbnailHasNoHeadimgOrThumbnailLine()
    {
        var post = PostFormatter.FormatText(SeedArticle("<p>x</p>", "t") with { Thumbnail = null, Comments = true });

        Assert.Equal(
            "\n---\ntitle: 't'\ncategories: \n - 金融\n - 证券时报网\n - 要闻\nauthor: 证券时报网\ncomments: true\ndate: Thu, 13 May 2021 20:34:00 GMT\n---\n\n<p>x</p>",
            post);
    }

    [Fact]
    public void ValuesYamlWouldMisreadAreSingleQuoted()
    {
        var article = SeedArticle("<p>x</p>", "t") with { Author = "Reuters: Markets", Categories = ["2021", "yes", "Stocks", "#tag"] };

        var post = PostFormatter.FormatText(article);

        Assert.Contains("\nauthor: 'Reuters: Markets'\n", post, StringComparison.Ordinal);
        Assert.Contains("categories: \n - '2021'\n - 'yes'\n - Stocks\n - '#tag'\n", post, StringComparison.Ordinal);
    }

    [Fact]
    public void DateIsRfc1123InUtcWhateverTheOffset()
    {
        var article = SeedArticle("", "t") with { Published = new DateTimeOffset(2021, 5, 14, 4, 34, 0, TimeSpan.FromHours(8)) };

        Assert.Contains("\ndate: Thu, 13 May 2021 20:34:00 GMT\n", PostFormatter.FormatText(article), StringComparison.Ordinal);
    }

    internal static Article SeedArticle(string body, string title) => new()
    {
        SourceId = "stcn-yw",
        // The seed does not show its link, and a post does not contain one: any link will do.
        EntryKey = "https://news.stcn.com/news/202105/seed-article.html",
        Link = "https://news.stcn.com/news/202105/seed-article.html",
        Title = title,
        Categories = ["金融", "证券时报网", "要闻"],
        Thumbnail = SeedImage,
        Author = "证券时报网",
        Comments = false,
        Published = new DateTimeOffset(2021, 5, 13, 20, 34, 0, TimeSpan.Zero),
        Body = body,
        Summary = "",
        ContentHash = "h",
        TitleKey = "k",
        BodyFingerprint = 0,
    };
}
