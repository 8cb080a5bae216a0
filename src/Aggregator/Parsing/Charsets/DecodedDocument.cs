namespace Aggregator.Parsing.Charsets;

/// <summary>A feed document as text, with the name of the charset it was read in (feedparser's spelling, lower case).</summary>
internal sealed record DecodedDocument(string Text, string EncodingName, bool HadInvalidBytes);
