namespace Aggregator.Storage;

/// <summary>What a retention run did.</summary>
/// <param name="ArticlesDeleted">Articles removed.</param>
/// <param name="TombstonesAdded">Keys (entry keys and links) recorded so the articles never return.</param>
internal sealed record RetentionResult(int ArticlesDeleted, int TombstonesAdded);
