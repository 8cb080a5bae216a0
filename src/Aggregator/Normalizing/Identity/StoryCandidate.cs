namespace Aggregator.Normalizing.Identity;

/// <summary>What the story matcher compares: the identity keys of an article and when it was published.</summary>
internal sealed record StoryCandidate(string TitleKey, ulong Fingerprint, DateTimeOffset Published);
