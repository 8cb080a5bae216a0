namespace Aggregator.Parsing;

/// <summary>A document that yields no feed; the message names the stage and the reason ("parse: …").</summary>
internal sealed class FeedParseException : Exception
{
    public FeedParseException(string message) : base(message) { }
    public FeedParseException(string message, Exception innerException) : base(message, innerException) { }
    public FeedParseException() { }
}
