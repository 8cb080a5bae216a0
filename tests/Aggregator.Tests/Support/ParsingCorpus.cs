using System.Text;
using System.Text.RegularExpressions;
using Aggregator.Model;
using Aggregator.Parsing;

namespace Aggregator.Tests.Support;

/// <summary>Finds the shared feedparser corpus (../shared/corpora beside the repository) and feeds its files to the parser.</summary>
internal static partial class ParsingCorpus
{
    /// <summary>The corpora folder: ../shared/corpora relative to the folder holding Aggregator.sln.</summary>
    public static string Root => RepositoryPaths.Shared("corpora");

    /// <summary>Where the corpus pretends its documents came from: relative links resolve against it.</summary>
    public static Uri Location(string relativePath) => new("http://127.0.0.1:8097/tests/" + relativePath.Replace('\\', '/'));

    public static string FullPath(string relativePath) => Path.Combine(Root, relativePath);

    /// <summary>The Content-Type a file's leading comment says it must be served with (its <c>Header:</c> lines).</summary>
    public static string? ContentType(byte[] bytes)
    {
        var head = Encoding.Latin1.GetString(bytes, 0, Math.Min(bytes.Length, 4096)).Replace("\0", string.Empty, StringComparison.Ordinal);
        var match = ContentTypeHeader().Match(head);
        return match.Success ? match.Groups[1].Value.Trim() : null;
    }

    public static ParsedFeed Parse(IFeedParser parser, string relativePath)
    {
        var bytes = File.ReadAllBytes(FullPath(relativePath));
        return parser.Parse(new FeedPayload(bytes, ContentType(bytes), Location(relativePath)));
    }

    /// <summary>Every .xml file of the four conformance folders, relative to <see cref="Root"/>.</summary>
    public static IEnumerable<string> AllFiles()
    {
        foreach (var folder in new[] { "wellformed", "illformed", "encoding", "entities" })
        {
            var dir = Path.Combine(Root, "feedparser", folder);
            foreach (var file in Directory.EnumerateFiles(dir, "*.xml", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                yield return Path.GetRelativePath(Root, file).Replace('\\', '/');
            }
        }
    }

    [GeneratedRegex(@"^\s*Header:\s*Content-type:\s*(.*?)\s*$", RegexOptions.IgnoreCase | RegexOptions.Multiline)]
    private static partial Regex ContentTypeHeader();
}
