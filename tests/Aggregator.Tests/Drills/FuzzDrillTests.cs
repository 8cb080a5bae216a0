using Aggregator.Drills;
using Aggregator.Drills.Fuzz;
using Xunit.Abstractions;

namespace Aggregator.Tests.Drills;

/// <summary>The CI version of the fuzz drill: 2,000 mutated feeds in process, and the mutator's own promises.</summary>
public sealed class FuzzDrillTests(ITestOutputHelper output)
{
    private static readonly IReadOnlyList<byte[]> Seeds = SeedCorpus.Load(DrillPaths.RepositoryRoot(AppContext.BaseDirectory), null);

    [Fact]
    public void TwoThousandMutatedFeedsParseOrAreRefusedWithoutCrashOrHang()
    {
        var folder = Path.Combine(Path.GetTempPath(), "fuzz-drill-test-" + Guid.NewGuid().ToString("N"));
        try
        {
            var result = FuzzDrill.Run(new FuzzOptions { Count = 2000, Seed = 20261127, OutputFolder = folder, Timeout = TimeSpan.FromSeconds(20) }, Seeds, null);
            output.WriteLine(result.Summary());
            Assert.Equal(2000, result.Tried);
            Assert.True(result.Crashes == 0 && result.Hangs == 0, result.Summary() + "\n" + string.Join("\n", result.Problems));
        }
        finally
        {
            if (Directory.Exists(folder))
                Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void AnInputIsRebuiltFromItsSeedAndNumberAlone()
    {
        var first = new Mutator(Seeds, 7).Create(1234);
        var again = new Mutator(Seeds, 7).Create(1234);
        Assert.Equal(first.Kinds, again.Kinds);
        Assert.Equal(first.Bytes, again.Bytes);
        Assert.NotEqual(first.Bytes, new Mutator(Seeds, 8).Create(1234).Bytes);
    }

    [Fact]
    public void HugeAttributeAddsAMegabyteToAStartTag()
    {
        var seed = "<rss><channel><item><title>t</title></item></channel></rss>"u8.ToArray();
        var mutated = Mutations.HugeAttribute(seed, new Random(1));
        Assert.True(mutated.Length >= seed.Length + (1 << 20), $"only {mutated.Length} bytes");
        Assert.Contains(" fuzz", System.Text.Encoding.ASCII.GetString(mutated, 0, 200), StringComparison.Ordinal);
    }

    [Fact]
    public void DeepNestingOpensTenThousandLevels()
    {
        var seed = "<rss><channel><item><description>x</description></item></channel></rss>"u8.ToArray();
        var text = System.Text.Encoding.ASCII.GetString(Mutations.DeepNesting(seed, new Random(3)));
        var opened = new[] { "<d>", "&lt;div&gt;", "<![CDATA[<div>]]>" }.Max(tag => (text.Length - text.Replace(tag, "", StringComparison.Ordinal).Length) / tag.Length);
        Assert.Equal(10_000, opened);
    }

    [Fact]
    public void DuplicateItemsRepeatsTheFirstItemAThousandTimes()
    {
        var seed = "<rss><channel><item><title>t</title></item></channel></rss>"u8.ToArray();
        var text = System.Text.Encoding.ASCII.GetString(Mutations.DuplicateItems(seed, new Random(1)));
        Assert.Equal(1000, text.Split("<item>").Length - 1);
        Assert.EndsWith("</channel></rss>", text, StringComparison.Ordinal);
    }
}
