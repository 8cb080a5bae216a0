namespace Aggregator.Storage;

/// <summary>Retention limits of one category (see <see cref="RetentionPolicy"/>).</summary>
internal sealed record CategoryRetention(TimeSpan? MaxAge, int? MaxCount);
