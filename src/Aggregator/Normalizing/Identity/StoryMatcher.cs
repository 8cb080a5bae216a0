namespace Aggregator.Normalizing.Identity;

/// <summary>Decides whether two articles from different sources report the same story.</summary>
internal sealed class StoryMatcher(StoryMatchOptions options)
{
    public StoryMatchOptions Options => options;

    public bool IsSameStory(StoryCandidate left, StoryCandidate right)
    {
        if ((left.Published - right.Published).Duration() > options.Window)
            return false;

        var bodiesAlike = left.Fingerprint != 0 && right.Fingerprint != 0
            && StoryIdentity.Distance(left.Fingerprint, right.Fingerprint) <= options.MaxFingerprintDistance;
        var titlesAlike = left.TitleKey.Length >= options.MinTitleKeyLength
            && string.Equals(left.TitleKey, right.TitleKey, StringComparison.Ordinal);

        // A shared generic title ("早间新闻") alone never merges: the bodies must agree too when the
        // title is short; a long identical title is specific enough on its own.
        return titlesAlike || (bodiesAlike && left.TitleKey.Length > 0 && TitlesOverlap(left.TitleKey, right.TitleKey));
    }

    private static bool TitlesOverlap(string left, string right) =>
        left.Contains(right, StringComparison.Ordinal) || right.Contains(left, StringComparison.Ordinal) || SharedPrefixLength(left, right) >= 4;

    private static int SharedPrefixLength(string left, string right)
    {
        var length = Math.Min(left.Length, right.Length);
        var i = 0;
        while (i < length && left[i] == right[i])
            i++;
        return i;
    }
}
