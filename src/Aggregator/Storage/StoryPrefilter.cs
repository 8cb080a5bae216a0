using Aggregator.Normalizing.Identity;

namespace Aggregator.Storage;

/// <summary>
/// A necessary condition of <see cref="StoryMatcher.IsSameStory"/> checked on the story index entries
/// (<see cref="StoryCandidateCache"/>) before an article's title key is read: when both bodies are
/// known and each holds a leading number the other lacks (<see cref="BodyFingerprint.NumbersDisagree"/>),
/// the matcher refuses the pair whatever the titles say. Financial stories lead with figures, so this
/// drops most unrelated candidates sharing a title anchor ("…，一图看懂") in plain integer arithmetic.
/// </summary>
internal static class StoryPrefilter
{
    /// <summary>False only when the matcher must refuse the pair.</summary>
    public static bool MayMatch(ulong candidate, ulong incoming) =>
        candidate == 0 || incoming == 0 || !BodyFingerprint.NumbersDisagree(candidate, incoming);
}
