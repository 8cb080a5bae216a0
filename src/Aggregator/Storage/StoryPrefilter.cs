using Aggregator.Normalizing.Identity;
using Microsoft.Data.Sqlite;

namespace Aggregator.Storage;

/// <summary>
/// A necessary condition of <see cref="StoryMatcher.IsSameStory"/> that reads only the two body
/// fingerprints, evaluated inside SQLite on the story indexes' entries: candidates whose bodies
/// cannot match are dropped before their article row (for the title key) is read or a row crosses
/// into .NET. Of a title anchor's candidates in the window, most are unrelated stories whose
/// fingerprints are ~20 bits apart, so about one in eight survives.
/// </summary>
internal static class StoryPrefilter
{
    /// <summary>The SQL name: story_may_match(candidate fingerprint, incoming fingerprint).</summary>
    public const string FunctionName = "story_may_match";

    /// <summary>
    /// False only when <see cref="StoryMatcher.IsSameStory"/> is false for any titles and times: both
    /// bodies known and either their numbers disagree or their wording is further apart than every
    /// rule of the matcher allows (near-identical, title match, body match).
    /// </summary>
    public static bool MayMatch(StoryMatchOptions options, ulong candidate, ulong incoming)
    {
        if (candidate == 0 || incoming == 0)
            return true;
        if (BodyFingerprint.NumbersDisagree(candidate, incoming))
            return false;
        var widest = Math.Max(options.NearIdenticalDistance, Math.Max(options.MaxFingerprintDistance, options.TitleMatchMaxDistance));
        return StoryIdentity.Distance(candidate, incoming) <= widest;
    }

    /// <summary>Makes the function available to the ingest statements of <paramref name="connection"/>.</summary>
    public static void Register(SqliteConnection connection, StoryMatchOptions options) =>
        connection.CreateFunction<long, long, bool>(FunctionName,
            (candidate, incoming) => MayMatch(options, unchecked((ulong)candidate), unchecked((ulong)incoming)), isDeterministic: true);
}
