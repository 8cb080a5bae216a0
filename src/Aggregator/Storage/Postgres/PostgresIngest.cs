using Aggregator.Model;
using Aggregator.Normalizing.Identity;
using Dapper;
using Npgsql;

namespace Aggregator.Storage.Postgres;

/// <summary>
/// One poll's ingest inside one transaction: the statements of the three dedupe levels. Every insert
/// of a key another transaction could insert too (article id, link) is a plain INSERT against a
/// unique key: should two ever race, the loser fails and its whole transaction is retried.
/// </summary>
internal sealed class PostgresIngest(NpgsqlTransaction transaction, PostgresWriteCounter writes, StoryMatcher matcher, StorageOptions options, CancellationToken cancellationToken)
{
    private readonly NpgsqlConnection connection = transaction.Connection!;

    public enum Outcome
    {
        Added,
        Updated,
        Unchanged,
        Merged,
        Suppressed,
    }

    public async Task<Outcome> IngestOneAsync(SourceDefinition source, Article article, DateTimeOffset seenAt)
    {
        var sourceId = source.Id;
        var entry = await connection.QuerySingleOrDefaultAsync<EntryMatchRow>("""
            SELECT e.article_seq AS Seq, e.content_hash AS Hash, (a.source_id = @sourceId AND a.entry_key = @entryKey) AS Canonical
            FROM article_entries e JOIN articles a ON a.seq = e.article_seq
            WHERE e.source_id = @sourceId AND e.entry_key = @entryKey;
            """, new { sourceId, entryKey = article.EntryKey, cancellationToken }, transaction);
        if (entry is { } found)
        {
            if (string.Equals(found.Hash, article.ContentHash, StringComparison.Ordinal))
                return Outcome.Unchanged;

            await UpsertEntryAsync(source, article, found.Seq);
            if (found.Canonical)
                await ReplaceContentAsync(found.Seq, source, article, seenAt);
            await MergeCategoriesAsync(found.Seq, article.Categories, null);
            return Outcome.Updated;
        }

        var tombstoned = await connection.ExecuteScalarAsync<bool>(
            "SELECT EXISTS (SELECT 1 FROM tombstones WHERE key IN (@entry, @link));", new { entry = ArticleKeys.EntryTombstone(sourceId, article.EntryKey), link = ArticleKeys.LinkTombstone(article.Link), cancellationToken }, transaction);
        if (tombstoned)
            return Outcome.Suppressed;

        var existing = await connection.ExecuteScalarAsync<long?>("SELECT article_seq FROM links WHERE link = @link;", new { link = article.Link, cancellationToken }, transaction)
            ?? await FindSameStoryAsync(sourceId, article);
        if (existing is { } match)
        {
            await UpsertEntryAsync(source, article, match);
            var canonicalPriority = await connection.ExecuteScalarAsync<long>(
                "SELECT s.priority FROM articles a JOIN sources s ON s.id = a.source_id WHERE a.seq = @match;", new { match, cancellationToken }, transaction);
            if (source.Priority < canonicalPriority)
                await ReplaceContentAsync(match, source, article, seenAt);
            await MergeCategoriesAsync(match, article.Categories, null);
            return Outcome.Merged;
        }

        var newSeq = await connection.ExecuteScalarAsync<long>("""
            INSERT INTO articles (id, canonical_link, source_id, entry_key, guid, title, title_key, author,
                published, updated, first_seen, last_changed, thumbnail, body, summary, content_hash,
                title_start, title_end, fingerprint, comments)
            VALUES (@Id, @Link, @SourceId, @EntryKey, @Guid, @Title, @TitleKey, @Author,
                @Published, @Updated, @Seen, @Seen, @Thumbnail, @Body, @Summary, @ContentHash,
                @TitleStart, @TitleEnd, @Fingerprint, @Comments)
            RETURNING seq;
            """, Content(ArticleKeys.ArticleId(sourceId, article.EntryKey), article, sourceId, seenAt, isNew: true), transaction);
        writes.Add(1);
        // A plain insert: a link another node claimed a moment ago fails here and the poll is retried.
        writes.Add(await connection.ExecuteAsync("INSERT INTO links (link, article_seq) VALUES (@link, @newSeq);", new { link = article.Link, newSeq, cancellationToken }, transaction));
        await UpsertEntryAsync(source, article, newSeq, newLink: false);
        await MergeCategoriesAsync(newSeq, article.Categories, ArticleKeys.ToStored(article.Published));
        return Outcome.Added;
    }

    private async Task<long?> FindSameStoryAsync(string sourceId, Article article)
    {
        // Without a title key the matcher never merges (neither the title nor the body rule applies).
        var titleKey = article.TitleKey;
        if (titleKey.Length == 0)
            return null;

        var window = options.StoryMatch.Window;
        var incoming = new StoryCandidate(titleKey, article.BodyFingerprint, article.Published);
        var candidates = await connection.QueryAsync<StoryCandidateRow>("""
            (SELECT seq AS Seq, title_key AS TitleKey, fingerprint AS Fingerprint, published AS Published FROM articles
             WHERE title_start = @start AND published BETWEEN @from AND @to ORDER BY published, seq LIMIT @limit)
            UNION
            (SELECT seq, title_key, fingerprint, published FROM articles
             WHERE title_end = @end AND published BETWEEN @from AND @to ORDER BY published, seq LIMIT @limit)
            ORDER BY published, seq;
            """, new
        {
            start = ArticleKeys.TitleStart(titleKey),
            end = ArticleKeys.TitleEnd(titleKey),
            from = ArticleKeys.ToStored(article.Published - window),
            to = ArticleKeys.ToStored(article.Published + window),
            limit = (long)options.MaxStoryCandidates,
            cancellationToken,
        }, transaction);

        // A source's own two stories are never merged as "the same story from different sources".
        foreach (var candidate in candidates.Take(options.MaxStoryCandidates))
        {
            if (!matcher.IsSameStory(incoming, new StoryCandidate(candidate.TitleKey, unchecked((ulong)candidate.Fingerprint), ArticleKeys.FromStored(candidate.Published))))
                continue;
            var reported = await connection.ExecuteScalarAsync<bool>(
                "SELECT EXISTS (SELECT 1 FROM article_entries WHERE article_seq = @seq AND source_id = @sourceId);", new { seq = candidate.Seq, sourceId, cancellationToken }, transaction);
            if (!reported)
                return candidate.Seq;
        }

        return null;
    }

    /// <summary>Replaces the canonical copy's content; the link moves only to a link this article owns.</summary>
    private async Task ReplaceContentAsync(long seq, SourceDefinition source, Article article, DateTimeOffset seenAt)
    {
        writes.Add(await connection.ExecuteAsync("""
            UPDATE articles SET
                canonical_link = CASE WHEN EXISTS (SELECT 1 FROM links WHERE link = @Link AND article_seq = @Seq)
                                 THEN @Link ELSE canonical_link END,
                source_id = @SourceId, entry_key = @EntryKey, guid = @Guid, title = @Title, title_key = @TitleKey,
                author = @Author, published = @Published, updated = @Updated, last_changed = @Seen,
                thumbnail = @Thumbnail, body = @Body, summary = @Summary, content_hash = @ContentHash,
                title_start = @TitleStart, title_end = @TitleEnd, fingerprint = @Fingerprint, comments = @Comments
            WHERE seq = @Seq;
            """, Content(null, article, source.Id, seenAt, isNew: false) with { Seq = seq }, transaction));
        writes.Add(await connection.ExecuteAsync(
            "UPDATE article_categories SET published = @published WHERE article_seq = @seq AND published <> @published;", new { seq, published = ArticleKeys.ToStored(article.Published), cancellationToken }, transaction));
    }

    /// <summary>Records the report; <paramref name="newLink"/> false when the link is already the article's.</summary>
    private async Task UpsertEntryAsync(SourceDefinition source, Article article, long seq, bool newLink = true)
    {
        writes.Add(await connection.ExecuteAsync("""
            INSERT INTO article_entries (source_id, entry_key, article_seq, guid, link, content_hash)
            VALUES (@sourceId, @entryKey, @seq, @guid, @link, @contentHash)
            ON CONFLICT (source_id, entry_key) DO UPDATE SET guid = excluded.guid, link = excluded.link, content_hash = excluded.content_hash;
            """, new { sourceId = source.Id, entryKey = article.EntryKey, seq, guid = article.Guid, link = article.Link, contentHash = article.ContentHash, cancellationToken }, transaction));
        if (newLink)
        {
            // A link another article owns stays that article's.
            writes.Add(await connection.ExecuteAsync(
                "INSERT INTO links (link, article_seq) VALUES (@link, @seq) ON CONFLICT (link) DO NOTHING;", new { link = article.Link, seq, cancellationToken }, transaction));
        }
    }

    /// <summary>Appends the categories the article does not have yet, after the ones it has.</summary>
    private async Task MergeCategoriesAsync(long seq, IReadOnlyList<string> categories, long? published)
    {
        var existing = new List<string>();
        if (published is null)
        {
            existing.AddRange(await connection.QueryAsync<string>(
                "SELECT name FROM article_categories WHERE article_seq = @seq ORDER BY position;", new { seq, cancellationToken }, transaction));
            published = await connection.ExecuteScalarAsync<long>("SELECT published FROM articles WHERE seq = @seq;", new { seq, cancellationToken }, transaction);
        }

        foreach (var name in categories)
        {
            if (existing.Contains(name))
                continue;
            writes.Add(await connection.ExecuteAsync(
                "INSERT INTO article_categories (article_seq, position, name, published) VALUES (@seq, @position, @name, @published);", new { seq, position = (long)existing.Count, name, published, cancellationToken }, transaction));
            existing.Add(name);
        }
    }

    /// <summary>The article columns; a new article's updated time is its own, a changed one's falls back to when the change was seen.</summary>
    private ArticleValues Content(string? id, Article article, string sourceId, DateTimeOffset seenAt, bool isNew) => new()
    {
        Id = id,
        Link = article.Link,
        SourceId = sourceId,
        EntryKey = article.EntryKey,
        Guid = article.Guid,
        Title = article.Title,
        TitleKey = article.TitleKey,
        Author = article.Author,
        Published = ArticleKeys.ToStored(article.Published),
        Updated = isNew ? ArticleKeys.ToStored(article.Updated) : ArticleKeys.ToStored(article.Updated ?? seenAt),
        Seen = ArticleKeys.ToStored(seenAt),
        Thumbnail = article.Thumbnail,
        Body = article.Body,
        Summary = article.Summary,
        ContentHash = article.ContentHash,
        TitleStart = ArticleKeys.TitleStart(article.TitleKey),
        TitleEnd = ArticleKeys.TitleEnd(article.TitleKey),
        Fingerprint = unchecked((long)article.BodyFingerprint),
        Comments = article.Comments ? 1L : 0L,
        CancellationToken = cancellationToken,
    };

    internal sealed record ArticleValues
    {
        public long Seq { get; init; }
        public string? Id { get; init; }
        public required string Link { get; init; }
        public required string SourceId { get; init; }
        public required string EntryKey { get; init; }
        public string? Guid { get; init; }
        public required string Title { get; init; }
        public required string TitleKey { get; init; }
        public required string Author { get; init; }
        public long Published { get; init; }
        public long? Updated { get; init; }
        public long Seen { get; init; }
        public string? Thumbnail { get; init; }
        public required string Body { get; init; }
        public required string Summary { get; init; }
        public required string ContentHash { get; init; }
        public required string TitleStart { get; init; }
        public required string TitleEnd { get; init; }
        public long Fingerprint { get; init; }
        public long Comments { get; init; }

        // Not a column: Dapper.AOT takes the command's token from the parameter object's CancellationToken member.
        public CancellationToken CancellationToken { get; init; }
    }
}
