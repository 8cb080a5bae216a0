using Aggregator.Normalizing.Identity;
using Aggregator.Storage;

namespace Aggregator.Tests.Storage;

/// <summary>The level-3 prefilter on the story index entries: it drops only pairs the matcher refuses anyway.</summary>
public sealed class StoryPrefilterTests
{
    private const ulong Text = 0x00_12_34_56_78_9AUL;

    public static TheoryData<ulong, ulong> Pairs => new()
    {
        { 0, Compose(Text, 0b101) },
        { Compose(Text, 0b101), 0 },
        { Compose(Text, 0b101), Compose(Text, 0b101) },
        { Compose(Text, 0b001), Compose(Text ^ 0xFF, 0b101) },
        { Compose(Text, 0b011), Compose(Text, 0b101) },
        { Compose(Text, 0), Compose(Text, 0b110) },
        { Compose(Text, 0xFF_FF_FF), Compose(Text, 0x80_00_00) },
        { Compose(Text, 0x80_00_00), Compose(Text, 0x00_00_01) },
        { Compose(Text, 0x80_00_01), Compose(0, 0x40_00_00) },
    };

    private static ulong Compose(ulong text, ulong numbers) => BodyFingerprint.Compose(text, numbers);

    [Theory]
    [MemberData(nameof(Pairs))]
    public void APairThePrefilterDropsIsRefusedByTheMatcher(ulong candidate, ulong incoming)
    {
        var matcher = new StoryMatcher(new StoryMatchOptions());
        var published = new DateTimeOffset(2026, 11, 20, 8, 0, 0, TimeSpan.Zero);
        var left = new StoryCandidate("央行开展逆回购操作中标利率维持不变", candidate, published);
        var right = left with { Fingerprint = incoming };

        Assert.True(StoryPrefilter.MayMatch(candidate, incoming) || !matcher.IsSameStory(left, right));
        Assert.Equal(StoryPrefilter.MayMatch(candidate, incoming), StoryPrefilter.MayMatch(incoming, candidate));
    }

    [Fact]
    public void APairThePrefilterDropsIsOneTheMatcherRefusesEvenWithEqualTitles()
    {
        var matcher = new StoryMatcher(new StoryMatchOptions());
        var published = new DateTimeOffset(2026, 11, 20, 8, 0, 0, TimeSpan.Zero);
        var left = new StoryCandidate("央行开展逆回购操作中标利率维持不变", Compose(Text, 0b011), published);
        var right = left with { Fingerprint = Compose(Text, 0b101) };

        Assert.False(StoryPrefilter.MayMatch(left.Fingerprint, right.Fingerprint));
        Assert.False(matcher.IsSameStory(left, right));
    }
}
