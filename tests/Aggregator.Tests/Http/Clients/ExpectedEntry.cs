namespace Aggregator.Tests.Http.Clients;

/// <summary>What a client must read of one entry, as the served Atom bytes state it.</summary>
internal sealed record ExpectedEntry(
    string Id, string Title, string Link, string PublishedText, string UpdatedText, string Author)
{
    /// <summary>The entry's date as clients that keep one date keep it: published, else updated.</summary>
    public DateTimeOffset Date => DateTimeOffset.Parse(
        PublishedText.Length > 0 ? PublishedText : UpdatedText, System.Globalization.CultureInfo.InvariantCulture);
}
