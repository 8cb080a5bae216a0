using System.Globalization;
using Aggregator.Normalizing.Identity;

namespace Aggregator.Storage;

/// <summary>
/// A necessary condition of <see cref="StoryMatcher.IsSameStory"/> that SQLite checks on the story
/// indexes' entries, before it reads an article row for its title key or hands a row to .NET: when
/// both bodies are known and each holds a leading number the other lacks
/// (<see cref="BodyFingerprint.NumbersDisagree"/>), the matcher refuses the pair whatever the titles
/// say. Financial stories lead with figures, so this drops most unrelated candidates sharing a title
/// anchor ("…，一图看懂") in plain integer arithmetic, without a call back into .NET per entry.
/// </summary>
internal static class StoryPrefilter
{
    private static readonly long NumberMask = (1L << BodyFingerprint.NumberBits) - 1;

    /// <summary>
    /// The SQL condition on the column <c>fingerprint</c>, with the incoming article's fingerprint in
    /// <c>$fingerprint</c> and its number set (<see cref="Numbers"/>) in <c>$numbers</c>.
    /// </summary>
    public static string Condition { get; } = string.Create(CultureInfo.InvariantCulture, $"""
        ($fingerprint = 0 OR fingerprint = 0
            OR (((fingerprint >> {BodyFingerprint.TextBits}) & {NumberMask}) & ~$numbers) = 0
            OR ($numbers & ~((fingerprint >> {BodyFingerprint.TextBits}) & {NumberMask})) = 0)
        """);

    /// <summary>The number set of a fingerprint (its high bits), as <see cref="Condition"/> takes it.</summary>
    public static long Numbers(ulong fingerprint) => (long)(fingerprint >> BodyFingerprint.TextBits);

    /// <summary>What <see cref="Condition"/> computes, in .NET: false only when the matcher must refuse the pair.</summary>
    public static bool MayMatch(ulong candidate, ulong incoming) =>
        candidate == 0 || incoming == 0 || !BodyFingerprint.NumbersDisagree(candidate, incoming);
}
