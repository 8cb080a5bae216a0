namespace Aggregator.Normalizing.Identity;

/// <summary>
/// Decides whether two articles from different sources report the same story. In order:
/// <list type="number">
/// <item>published further apart than the window: different;</item>
/// <item>bodies whose leading numbers disagree (each has figures the other lacks): different;</item>
/// <item>bodies with the same wording (≤ NearIdenticalDistance): the same, whatever the titles say;</item>
/// <item>titles whose numbers contradict ("涨0.5%" vs "跌0.3%", "4月" vs "3月"): different;</item>
/// <item>specific titles that match (bigram similarity ≥ TitleSimilarity) and bodies that do not contradict them (≤ TitleMatchMaxDistance, or a body missing): the same;</item>
/// <item>near-duplicate bodies (≤ MaxFingerprintDistance) under titles that still overlap (≥ MinTitleOverlapForBodyMatch): the same.</item>
/// </list>
/// Boilerplate titles ("早间新闻", "收评：…", "Stocks to watch") never match on the title, so only their bodies can merge them.
/// </summary>
internal sealed class StoryMatcher(StoryMatchOptions options)
{
    public StoryMatchOptions Options => options;

    public bool IsSameStory(StoryCandidate left, StoryCandidate right)
    {
        if ((left.Published - right.Published).Duration() > options.Window)
            return false;

        var haveBodies = left.Fingerprint != 0 && right.Fingerprint != 0;
        if (haveBodies && BodyFingerprint.NumbersDisagree(left.Fingerprint, right.Fingerprint))
            return false;
        var distance = haveBodies ? StoryIdentity.Distance(left.Fingerprint, right.Fingerprint) : int.MaxValue;
        if (distance <= options.NearIdenticalDistance)
            return true;
        if (TitleNumbers.Conflict(left.TitleKey, right.TitleKey))
            return false;

        var similarity = TitleSimilarity.Jaccard(left.TitleKey, right.TitleKey);
        var specific = !BoilerplateTitles.IsBoilerplate(left.TitleKey, options.MinTitleKeyLength)
            && !BoilerplateTitles.IsBoilerplate(right.TitleKey, options.MinTitleKeyLength);
        if (specific && similarity >= options.TitleSimilarity && (!haveBodies || distance <= options.TitleMatchMaxDistance))
            return true;

        return distance <= options.MaxFingerprintDistance && similarity >= options.MinTitleOverlapForBodyMatch;
    }
}
