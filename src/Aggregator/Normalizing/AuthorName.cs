using System.Text.RegularExpressions;

namespace Aggregator.Normalizing;

/// <summary>Author names without the e-mail addresses feeds wrap them in.</summary>
internal static partial class AuthorName
{
    /// <summary><c>name@example.com (Name)</c>, RSS's managingEditor style.</summary>
    [GeneratedRegex(@"^\s*\S+@\S+\s*\((?<name>[^)]+)\)\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex MailThenName();

    /// <summary><c>Name (name@example.com)</c>, the other way round.</summary>
    [GeneratedRegex(@"^\s*(?<name>[^(]+?)\s*\(\s*[^()\s]+@[^()\s]+\s*\)\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex NameThenMailInParentheses();

    /// <summary><c>Name &lt;name@example.com&gt;</c>, mail-header style.</summary>
    [GeneratedRegex(@"^\s*(?<name>[^<]+?)\s*<[^>]*@[^>]*>\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex NameThenMail();

    /// <summary>The readable name in <paramref name="raw"/>; a bare address stays as it is (there is nothing else to show).</summary>
    public static string Clean(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw))
            return string.Empty;
        var match = MailThenName().Match(raw);
        if (!match.Success)
            match = NameThenMail().Match(raw);
        if (!match.Success)
            match = NameThenMailInParentheses().Match(raw);
        var name = match.Success ? match.Groups["name"].Value : raw;
        return Html.TitleText.From(name, isHtml: false);
    }

    /// <summary>The entry's authors joined with ", ", else the feed's author, else <paramref name="fallback"/>.</summary>
    public static string Choose(IReadOnlyList<string> entryAuthors, string? feedAuthor, string fallback)
    {
        var names = entryAuthors.Select(Clean).Where(n => n.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (names.Count > 0)
            return string.Join(", ", names);
        var feed = Clean(feedAuthor);
        return feed.Length > 0 ? feed : fallback;
    }
}
