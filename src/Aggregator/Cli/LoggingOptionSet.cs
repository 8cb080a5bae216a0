using System.CommandLine;

namespace Aggregator.Cli;

/// <summary>The recursive --log-format and --log-level options, read by every command that logs.</summary>
internal sealed record LoggingOptionSet(Option<string> Format, Option<string> Level)
{
    public LoggingOptions Read(ParseResult parse) =>
        new(parse.GetRequiredValue(Format), parse.GetRequiredValue(Level));
}
