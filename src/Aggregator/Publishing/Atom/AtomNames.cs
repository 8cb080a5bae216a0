using System.Globalization;

namespace Aggregator.Publishing.Atom;

/// <summary>Namespaces, media types and the date format of the Atom documents.</summary>
internal static class AtomNames
{
    public const string Atom = "http://www.w3.org/2005/Atom";
    public const string Media = "http://search.yahoo.com/mrss/";
    public const string ContentType = "application/atom+xml; charset=utf-8";
    public const string Generator = "Aggregator";

    /// <summary>The feed-level updated of a feed without entries: a fixed instant, so empty feeds keep their bytes.</summary>
    public static readonly DateTimeOffset EmptyFeedUpdated = new(2021, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>RFC 3339 in UTC with a "Z", whole seconds (what every reader parses).</summary>
    public static string Rfc3339(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>RFC 3339 in UTC with microseconds, for atom:updated (see <see cref="AtomEntryWriter.TieBreak"/>).</summary>
    public static string Rfc3339Micros(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);
}
