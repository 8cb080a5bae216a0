using System.Globalization;
using System.Text;
using Aggregator.Model;

namespace Aggregator.Publishing.Posts;

/// <summary>
/// One article as a Hexo-style post, byte for byte in the seed's format
/// (<c>shared/seed/000_abe74ac236356f83.txt</c>): a newline, <c>---</c>, the front matter keys
/// title, categories, headimg, author, comments, date, thumbnail in that order, <c>---</c>, a blank
/// line, then the body exactly as stored (no newline added).
/// </summary>
/// <remarks>
/// Quoting mirrors the seed: title, headimg and thumbnail always single-quoted; author and category
/// items plain unless YAML would misread them (<see cref="YamlScalar"/>); categories as a block list
/// after "categories: " (trailing space kept). headimg and thumbnail are omitted when there is no
/// thumbnail. The seed's title shows its pipeline replaced double quotes with "_" (its
/// <c>_创新科技金融服务模式，打造金融改革试验区_——</c> was <c>“…”——</c> in the source), so the title's
/// " “ ” ＂ become "_" here too.
/// </remarks>
internal static class PostFormatter
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public static byte[] Format(Article article) => Utf8.GetBytes(FormatText(article));

    public static string FormatText(Article article)
    {
        var post = new StringBuilder(article.Body.Length + 512);
        post.Append("\n---\n");
        post.Append("title: ").Append(YamlScalar.Quoted(Title(article.Title))).Append('\n');
        post.Append("categories: \n");
        foreach (var category in article.Categories.Select(XmlText.SingleLine).Where(c => c.Length > 0).Distinct(StringComparer.Ordinal))
            post.Append(" - ").Append(YamlScalar.PlainOrQuoted(category)).Append('\n');
        var thumbnail = XmlText.SingleLine(article.Thumbnail);
        if (thumbnail.Length > 0)
            post.Append("headimg: ").Append(YamlScalar.Quoted(thumbnail)).Append('\n');
        post.Append("author: ").Append(YamlScalar.PlainOrQuoted(XmlText.SingleLine(article.Author))).Append('\n');
        post.Append("comments: ").Append(article.Comments ? "true" : "false").Append('\n');
        post.Append("date: ").Append(article.Published.UtcDateTime.ToString("r", CultureInfo.InvariantCulture)).Append('\n');
        if (thumbnail.Length > 0)
            post.Append("thumbnail: ").Append(YamlScalar.Quoted(thumbnail)).Append('\n');
        post.Append("---\n\n");
        post.Append(article.Body);
        return post.ToString();
    }

    /// <summary>The title on one line with double quotes of any kind replaced by "_" (the seed's rule).</summary>
    public static string Title(string title)
    {
        var line = XmlText.SingleLine(title);
        return line.Replace('"', '_').Replace('“', '_').Replace('”', '_').Replace('＂', '_');
    }
}
