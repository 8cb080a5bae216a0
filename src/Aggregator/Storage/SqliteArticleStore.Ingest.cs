using Aggregator.Model;
using Aggregator.Normalizing.Identity;
using Dapper;
using Microsoft.Data.Sqlite;

namespace Aggregator.Storage;

/// <summary>
/// The ingest path and its three dedupe levels:
/// 1. the same source and entry key is the same article (a changed content hash updates it, an
///    unchanged one writes nothing);
/// 2. the same canonical link from anywhere is the same article (categories appended, the report recorded);
/// 3. a different link telling the same story (title key or fingerprint, within the window) is
///    recorded as another report ("also reported by").
/// When a report comes from a source with a lower priority number than the canonical copy's, it
/// becomes the canonical copy (content, link, source); the article id never changes.
/// </summary>
internal sealed partial class SqliteArticleStore
{
    public Task<IngestResult> IngestAsync(SourceDefinition source, IReadOnlyList<Article> articles, DateTimeOffset seenAt, CancellationToken cancellationToken) =>
        WriteAsync(async transaction =>
        {
            await UpsertSourceAsync(transaction, source, cancellationToken);
            CheckDataVersion(transaction);
            int added = 0, updated = 0, unchanged = 0, merged = 0, suppressed = 0;
            foreach (var article in articles)
            {
                cancellationToken.ThrowIfCancellationRequested();
                switch (IngestOne(transaction, source, article, seenAt))
                {
                    case IngestOutcome.Added: added++; break;
                    case IngestOutcome.Updated: updated++; break;
                    case IngestOutcome.Unchanged: unchanged++; break;
                    case IngestOutcome.Merged: merged++; break;
                    default: suppressed++; break;
                }
            }

            return new IngestResult(added, updated, unchanged, merged, suppressed);
        }, cancellationToken);

    private IngestOutcome IngestOne(SqliteTransaction transaction, SourceDefinition source, Article article, DateTimeOffset seenAt)
    {
        var commands = ingestCommands;
        var sourceId = source.Id;
        long? linked;
        using (var reader = commands.Lookup.Bind(transaction, sourceId, article.EntryKey,
            ArticleKeys.EntryTombstone(sourceId, article.EntryKey), ArticleKeys.LinkTombstone(article.Link), article.Link).ExecuteReader())
        {
            reader.Read();
            if (!reader.IsDBNull(0))
            {
                var seq = reader.GetInt64(0);
                var storedHash = reader.GetString(1);
                var isCanonical = reader.GetInt64(2) == 1;
                reader.Close();
                if (string.Equals(storedHash, article.ContentHash, StringComparison.Ordinal))
                    return IngestOutcome.Unchanged;

                UpsertEntry(transaction, source, article, seq);
                if (isCanonical)
                    ReplaceContent(transaction, seq, source, article, seenAt);
                MergeCategories(transaction, seq, article.Categories, null, seenAt);
                return IngestOutcome.Updated;
            }

            if (reader.GetInt64(3) == 1)
                return IngestOutcome.Suppressed;
            linked = reader.IsDBNull(4) ? null : reader.GetInt64(4);
        }

        var existing = linked ?? FindSameStory(transaction, sourceId, article);
        if (existing is { } match)
        {
            UpsertEntry(transaction, source, article, match);
            var canonicalPriority = (long)commands.CanonicalPriority.Bind(transaction, match).ExecuteScalar()!;
            if (source.Priority < canonicalPriority)
                ReplaceContent(transaction, match, source, article, seenAt);
            MergeCategories(transaction, match, article.Categories, null, seenAt);
            return IngestOutcome.Merged;
        }

        var newSeq = (long)commands.InsertArticle.Bind(transaction, ArticleContent(ArticleKeys.ArticleId(sourceId, article.EntryKey), article, sourceId, seenAt, seenAt))
            .ExecuteScalar()!;
        StoryCached(newSeq, article);
        // The insert trigger claimed the link for the new article.
        UpsertEntry(transaction, source, article, newSeq, newLink: false);
        MergeCategories(transaction, newSeq, article.Categories, ArticleKeys.ToStored(article.Published), seenAt);
        return IngestOutcome.Added;
    }

    private long? FindSameStory(SqliteTransaction transaction, string sourceId, Article article)
    {
        // Without a title key the matcher never merges (neither the title nor the body rule applies).
        var titleKey = article.TitleKey;
        if (titleKey.Length == 0)
            return null;

        var window = options.StoryMatch.Window;
        var start = ArticleKeys.TitleStart(titleKey);
        var end = ArticleKeys.TitleEnd(titleKey);
        var from = ArticleKeys.ToStored(article.Published - window);
        var to = ArticleKeys.ToStored(article.Published + window);
        var fingerprint = article.BodyFingerprint;
        var incoming = new StoryCandidate(titleKey, fingerprint, article.Published);
        var matches = new List<long>();
        var remaining = options.MaxStoryCandidates;
        // The groups of each week the window touches (two at most for windows up to 3.5 days), titles
        // starting like this one, then ending like it; candidates whose body numbers disagree with this
        // one's are dropped before their title key is read (StoryPrefilter), and the limit counts the survivors.
        for (var bucket = ArticleKeys.StoryBucket(from); bucket <= ArticleKeys.StoryBucket(to) && remaining > 0; bucket++)
        {
            foreach (var (isEnd, anchor) in new[] { (false, start), (true, end) })
            {
                foreach (var entry in StoryGroup(transaction, bucket, isEnd, anchor, from, to))
                {
                    if (remaining == 0)
                        break;
                    if (!StoryPrefilter.MayMatch(unchecked((ulong)entry.Fingerprint), fingerprint))
                        continue;
                    remaining--;
                    var candidateKey = (string)ingestCommands.TitleKey.Bind(transaction, entry.Seq).ExecuteScalar()!;
                    var candidate = new StoryCandidate(candidateKey, unchecked((ulong)entry.Fingerprint), ArticleKeys.FromStored(entry.Published));
                    if (matcher.IsSameStory(incoming, candidate))
                        matches.Add(entry.Seq);
                }
            }
        }

        // A source's own two stories are never merged as "the same story from different sources".
        foreach (var seq in matches)
        {
            if ((long)ingestCommands.SourceReported.Bind(transaction, seq, sourceId).ExecuteScalar()! == 0)
                return seq;
        }

        return null;
    }

    /// <summary>
    /// The story candidates of one group published within the window, from the cache, their week read into
    /// it first when needed.
    /// </summary>
    private ReadOnlySpan<StoryIndexEntry> StoryGroup(SqliteTransaction transaction, long bucket, bool isEnd, string anchor, long from, long to)
    {
        if (storyCache.TryFind(bucket, isEnd, anchor, from, to, out var cached))
            return cached;
        var rows = new List<(StoryIndexEntry, string, string)>();
        const long week = ArticleKeys.StoryBucketMilliseconds;
        // The stored times of the week as SQLite's integer division (toward zero) rounds them.
        var weekStart = bucket > 0 ? bucket * week : (bucket - 1) * week + 1;
        var weekEnd = bucket < 0 ? bucket * week : (bucket + 1) * week - 1;
        using (var reader = ingestCommands.StoryWeek.Bind(transaction, weekStart, weekEnd, bucket).ExecuteReader())
        {
            while (reader.Read())
                rows.Add((new StoryIndexEntry(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(4)), reader.GetString(2), reader.GetString(3)));
        }

        storyCache.Load(bucket, rows);
        storyCache.TryFind(bucket, isEnd, anchor, from, to, out var loaded);
        return loaded;
    }

    /// <summary>Clears the story cache when another connection committed since this one last looked.</summary>
    private void CheckDataVersion(SqliteTransaction transaction)
    {
        var version = (long)ingestCommands.DataVersion.Bind(transaction).ExecuteScalar()!;
        if (version != dataVersion)
            storyCache.Clear();
        dataVersion = version;
    }

    private void ReplaceContent(SqliteTransaction transaction, long seq, SourceDefinition source, Article article, DateTimeOffset seenAt)
    {
        using (var reader = ingestCommands.StoryColumns.Bind(transaction, seq).ExecuteReader())
        {
            reader.Read();
            storyCache.Remove(seq, reader.GetInt64(0), reader.GetString(1), reader.GetString(2));
        }

        object?[] values = [seq, .. ArticleContent(null, article, source.Id, seenAt, null)];
        ingestCommands.UpdateArticle.Bind(transaction, values).ExecuteNonQuery();
        StoryCached(seq, article);
        ingestCommands.RelistCategories.Bind(transaction, seq, ArticleKeys.ToStored(article.Published)).ExecuteNonQuery();
    }

    private void StoryCached(long seq, Article article) =>
        storyCache.Add(seq, ArticleKeys.ToStored(article.Published), ArticleKeys.TitleStart(article.TitleKey), ArticleKeys.TitleEnd(article.TitleKey), unchecked((long)article.BodyFingerprint));

    /// <summary>Records the report; <paramref name="newLink"/> false when the link is already the article's (its canonical link).</summary>
    private void UpsertEntry(SqliteTransaction transaction, SourceDefinition source, Article article, long seq, bool newLink = true)
    {
        ingestCommands.UpsertEntry.Bind(transaction, source.Id, article.EntryKey, seq, article.Guid, article.Link, article.ContentHash).ExecuteNonQuery();
        if (newLink)
            ingestCommands.AddLink.Bind(transaction, article.Link, seq).ExecuteNonQuery();
    }

    /// <summary>
    /// Appends the categories the article does not have yet, after the ones it has, listed now (or at the
    /// article's published time when that is later: schema 5's rule), so they join the head of each category.
    /// </summary>
    private void MergeCategories(SqliteTransaction transaction, long seq, IReadOnlyList<string> categories, long? published, DateTimeOffset seenAt)
    {
        var existing = new List<string>();
        if (published is null)
        {
            using var reader = ingestCommands.ListCategories.Bind(transaction, seq).ExecuteReader();
            while (reader.Read())
                existing.Add(reader.GetString(0));
        }

        long? listed = null;
        foreach (var name in categories)
        {
            if (existing.Contains(name))
                continue;
            // The article's published time is read only when a category is new to it (most merges add none).
            listed ??= Math.Max(published ?? (long)ingestCommands.ArticlePublished.Bind(transaction, seq).ExecuteScalar()!, ArticleKeys.ToStored(seenAt));
            ingestCommands.InsertCategory.Bind(transaction, seq, existing.Count, name, listed).ExecuteNonQuery();
            existing.Add(name);
        }
    }

    /// <summary>
    /// Values of the article columns in the order of InsertArticle (with <paramref name="id"/> and the
    /// first-seen time) or UpdateArticle (both null: the updated time falls back to when the change was seen).
    /// </summary>
    private static object?[] ArticleContent(string? id, Article article, string sourceId, DateTimeOffset seenAt, DateTimeOffset? firstSeen)
    {
        var updated = id is null ? ArticleKeys.ToStored(article.Updated ?? seenAt) : ArticleKeys.ToStored(article.Updated);
        object?[] tail =
        [
            article.Link, sourceId, article.EntryKey, article.Guid, article.Title, article.TitleKey, article.Author,
            ArticleKeys.ToStored(article.Published), updated, ArticleKeys.ToStored(firstSeen ?? seenAt), article.Thumbnail,
            article.Body, article.Summary, article.ContentHash,
            ArticleKeys.TitleStart(article.TitleKey), ArticleKeys.TitleEnd(article.TitleKey), unchecked((long)article.BodyFingerprint),
            article.Comments ? 1L : 0L,
        ];
        return id is null ? tail : [id, .. tail];
    }

    private enum IngestOutcome
    {
        Added,
        Updated,
        Unchanged,
        Merged,
        Suppressed,
    }
}
