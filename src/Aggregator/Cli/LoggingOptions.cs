namespace Aggregator.Cli;

/// <summary>How the command's logs are written (from --log-format and --log-level).</summary>
internal sealed record LoggingOptions(string Format, string Level)
{
    public static LoggingOptions Default { get; } = new("text", "information");
}
