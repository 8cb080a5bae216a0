using Aggregator.Storage;

namespace Aggregator.Tests.Storage;

/// <summary>
/// The category page picker reads rows in "listed" order (listed &gt;= published on every row) and must
/// return exactly the published-order page, reading no further than the page can reach.
/// </summary>
public sealed class CategoryPageTests
{
    /// <summary>Rows as the index yields them: listed descending, then seq descending.</summary>
    private static List<ListedRow> InIndexOrder(IEnumerable<ListedRow> rows) =>
        [.. rows.OrderByDescending(r => r.Listed).ThenByDescending(r => r.Seq)];

    private static List<long> Expected(IEnumerable<ListedRow> rows, int limit, int offset) =>
        [.. rows.OrderByDescending(r => r.Published).ThenByDescending(r => r.Seq).Skip(offset).Take(limit).Select(r => r.Seq)];

    [Fact]
    public void NewsWrittenAsItIsPublishedIsReadOnlyAsFarAsThePage()
    {
        // 10,000 rows, each listed a minute after it was published.
        var rows = InIndexOrder(Enumerable.Range(1, 10_000).Select(i => new ListedRow(i, i * 60_000L, i * 60_000L + 60_000)));

        var page = CategoryPage.Pick(rows, 100, 200, out var read);

        Assert.Equal(Expected(rows, 100, 200), page);
        Assert.True(read <= 302, $"read {read} rows for a page ending at row 300");
    }

    [Fact]
    public void AnOldEntryWrittenLastCostsOneRowNotTheCategorysHistory()
    {
        var rows = Enumerable.Range(1, 10_000).Select(i => new ListedRow(i, i * 60_000L, i * 60_000L)).ToList();
        // A new source's feed carries a story from long before everything else, written after all of it.
        rows.Add(new ListedRow(10_001, 5, 10_001 * 60_000L));
        rows = InIndexOrder(rows);

        var page = CategoryPage.Pick(rows, 100, 0, out var read);

        Assert.Equal(Expected(rows, 100, 0), page);
        Assert.DoesNotContain(10_001, page);
        Assert.True(read <= 102, $"read {read} rows");
    }

    [Fact]
    public void ABackfillCostsTheRowsItWroteAndThePageIsStillInPublishedOrder()
    {
        var rows = Enumerable.Range(1, 5_000).Select(i => new ListedRow(i, i * 60_000L, i * 60_000L)).ToList();
        // 300 old entries written after the 5,000, published over the last half of them.
        rows.AddRange(Enumerable.Range(1, 300).Select(i => new ListedRow(5_000 + i, (2_500 + (i * 7 % 2_500)) * 60_000L + 30_000, 6_000 * 60_000L)));
        rows = InIndexOrder(rows);

        var page = CategoryPage.Pick(rows, 50, 50, out var read);

        Assert.Equal(Expected(rows, 50, 50), page);
        Assert.True(read <= 300 + 100 + 1, $"read {read} rows");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void AnyRowsListedNoEarlierThanPublishedGiveThePublishedOrderPage(int seed)
    {
        var random = new Random(seed);
        var rows = InIndexOrder(Enumerable.Range(1, 2_000).Select(i =>
        {
            var published = random.Next(0, 500) * 1_000L; // many equal times: seq breaks the tie
            return new ListedRow(i, published, published + (random.Next(4) == 0 ? random.Next(0, 400_000) : 0));
        }));

        foreach (var (limit, offset) in new[] { (1, 0), (10, 0), (10, 5), (100, 1_000), (7, 1_995), (50, 2_000), (3_000, 0) })
            Assert.Equal(Expected(rows, limit, offset), CategoryPage.Pick(rows, limit, offset, out _));
    }

    [Fact]
    public void AnEmptyPageReadsNothing()
    {
        var rows = InIndexOrder([new ListedRow(1, 10, 10), new ListedRow(2, 20, 20)]);

        Assert.Empty(CategoryPage.Pick(rows, 0, 0, out var read));
        Assert.Equal(0, read);
        Assert.Empty(CategoryPage.Pick(rows, 5, 2, out _));
        Assert.Empty(CategoryPage.Pick([], 5, 0, out _));
    }
}
