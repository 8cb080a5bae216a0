namespace Aggregator.Storage;

/// <summary>
/// Picks a page of a category's newest articles (published time, then seq, both descending) from its
/// rows read in "listed" order (schema 5: listed = max(published, when the row was written), so
/// listed &gt;= published on every row). It keeps the best limit + offset rows seen and stops at the
/// first row listed before the oldest of them: that row and every one after it were published no
/// later than they were listed, too early to enter. So it reads the rows listed since the page's
/// oldest publication time and no more: about limit + offset when news is written as it appears, plus
/// what a backfill wrote since (a stray old entry costs one row, not the category's history).
/// </summary>
internal static class CategoryPage
{
    /// <summary>The page's seqs in published order; <paramref name="read"/> counts the rows taken from <paramref name="rows"/>.</summary>
    public static long[] Pick(IEnumerable<ListedRow> rows, int limit, int offset, out int read)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        read = 0;
        var wanted = limit + offset;
        if (limit == 0)
            return [];

        // A min-heap of the newest rows so far: its root is the oldest of them, the first to give way.
        var newest = new PriorityQueue<ListedRow, (long Published, long Seq)>(wanted + 1);
        foreach (var row in rows)
        {
            read++;
            if (newest.Count == wanted && row.Listed < newest.Peek().Published)
                break;
            if (newest.Count < wanted)
                newest.Enqueue(row, (row.Published, row.Seq));
            else if ((row.Published, row.Seq).CompareTo((newest.Peek().Published, newest.Peek().Seq)) > 0)
                newest.EnqueueDequeue(row, (row.Published, row.Seq));
        }

        var picked = new long[newest.Count];
        for (var i = picked.Length - 1; i >= 0; i--)
            picked[i] = newest.Dequeue().Seq;
        return picked.Length <= offset ? [] : picked[offset..];
    }
}

/// <summary>One row of a category's index, as <see cref="CategoryPage"/> reads it.</summary>
internal readonly record struct ListedRow(long Seq, long Published, long Listed);
