using System.CommandLine;

namespace Aggregator.Cli;

/// <summary>
/// Options shared by the commands. Each default can come from the environment so a container can be
/// configured without arguments.
/// </summary>
internal static class CommonOptions
{
    public const string ConfigVariable = "AGGREGATOR_CONFIG";
    public const string DataVariable = "AGGREGATOR_DATA";
    public const string OutVariable = "AGGREGATOR_OUT";
    public const string LogFormatVariable = "AGGREGATOR_LOG_FORMAT";
    public const string LogLevelVariable = "AGGREGATOR_LOG_LEVEL";

    public static Option<string> Config() => new("--config", "-c")
    {
        Description = $"Path of feeds.json (env {ConfigVariable}).",
        HelpName = "FILE",
        DefaultValueFactory = _ => FromEnvironment(ConfigVariable, "feeds.json"),
    };

    public static Option<string> Data() => new("--data", "-d")
    {
        Description = $"Folder of the SQLite store (env {DataVariable}).",
        HelpName = "DIR",
        DefaultValueFactory = _ => FromEnvironment(DataVariable, "data"),
    };

    public static Option<string> Out() => new("--out", "-o")
    {
        Description = $"Folder the merged feeds are published to (env {OutVariable}).",
        HelpName = "DIR",
        DefaultValueFactory = _ => FromEnvironment(OutVariable, "public"),
    };

    public static Option<string> LogFormat()
    {
        var option = new Option<string>("--log-format")
        {
            Description = $"Log format on standard error: text or json (env {LogFormatVariable}).",
            Recursive = true,
            DefaultValueFactory = _ => FromEnvironment(LogFormatVariable, "text"),
        };
        option.AcceptOnlyFromAmong("text", "json");
        return option;
    }

    public static Option<string> LogLevel()
    {
        var option = new Option<string>("--log-level")
        {
            Description = $"Minimum log level: debug, information, warning or error (env {LogLevelVariable}).",
            Recursive = true,
            DefaultValueFactory = _ => FromEnvironment(LogLevelVariable, "information"),
        };
        option.AcceptOnlyFromAmong("debug", "information", "warning", "error");
        return option;
    }

    private static string FromEnvironment(string variable, string fallback) =>
        Environment.GetEnvironmentVariable(variable) is { Length: > 0 } value ? value : fallback;
}
