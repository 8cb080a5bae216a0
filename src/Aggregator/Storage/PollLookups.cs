using System.Buffers;
using System.Text;
using System.Text.Json;
using Aggregator.Model;

namespace Aggregator.Storage;

/// <summary>
/// The lookups of one poll's entries, read in one statement before the first write
/// (IngestCommands.PollLookup), and the poll's own map of what its writes touched since: an entry
/// whose key or link an earlier entry of the same poll wrote, or whose stored article an earlier
/// entry's content replaced, is looked up again on its own (IngestCommands.Lookup, which sees the
/// transaction's writes), so the answers are exactly the per-entry statement's.
/// </summary>
internal sealed class PollLookups(EntryLookup[] rows)
{
    private readonly HashSet<string> writtenKeys = new(StringComparer.Ordinal);
    private readonly HashSet<string> writtenLinks = new(StringComparer.Ordinal);
    private readonly HashSet<long> replaced = [];

    /// <summary>The poll-start answer for entry <paramref name="index"/>, or null when an earlier write of the poll may have changed it.</summary>
    public EntryLookup? Find(int index, Article article)
    {
        var row = rows[index];
        if (writtenKeys.Contains(article.EntryKey) || writtenLinks.Contains(article.Link) || (row.Seq is { } seq && replaced.Contains(seq)))
            return null;
        return row;
    }

    /// <summary>Records that the entry's report (its key) and its link were written.</summary>
    public void Wrote(Article article)
    {
        writtenKeys.Add(article.EntryKey);
        writtenLinks.Add(article.Link);
    }

    /// <summary>Records that the article's canonical copy (source, entry key) was replaced.</summary>
    public void Replaced(long seq) => replaced.Add(seq);

    /// <summary>The bound value of IngestCommands.PollLookup: one [entry key, entry tombstone, link tombstone, link] per entry.</summary>
    public static string Keys(string sourceId, IReadOnlyList<Article> articles)
    {
        var buffer = new ArrayBufferWriter<byte>(256 * (articles.Count + 1));
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            foreach (var article in articles)
            {
                writer.WriteStartArray();
                writer.WriteStringValue(article.EntryKey);
                writer.WriteStringValue(ArticleKeys.EntryTombstone(sourceId, article.EntryKey));
                writer.WriteStringValue(ArticleKeys.LinkTombstone(article.Link));
                writer.WriteStringValue(article.Link);
                writer.WriteEndArray();
            }

            writer.WriteEndArray();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
