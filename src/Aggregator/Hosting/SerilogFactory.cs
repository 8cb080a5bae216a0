using Aggregator.Cli;
using Serilog;
using Serilog.Events;
using Serilog.Formatting.Compact;

namespace Aggregator.Hosting;

/// <summary>
/// Builds the Serilog logger of a command. Logs go to standard error so standard output stays the
/// command's result (summary tables, JSON lines) for scripts to read.
/// </summary>
internal static class SerilogFactory
{
    public static Serilog.Core.Logger Create(LoggingOptions options)
    {
        var configuration = new LoggerConfiguration()
            .MinimumLevel.Is(ParseLevel(options.Level))
            .MinimumLevel.Override("Microsoft", LogEventLevel.Warning)
            .MinimumLevel.Override("System.Net.Http.HttpClient", LogEventLevel.Warning)
            .MinimumLevel.Override("Polly", LogEventLevel.Warning)
            .MinimumLevel.Override("Quartz", LogEventLevel.Warning)
            .Enrich.FromLogContext();

        configuration = options.Format == "json"
            ? configuration.WriteTo.Console(new CompactJsonFormatter(), standardErrorFromLevel: LogEventLevel.Verbose)
            : configuration.WriteTo.Console(
                outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {Message:lj}{NewLine}{Exception}",
                standardErrorFromLevel: LogEventLevel.Verbose,
                formatProvider: System.Globalization.CultureInfo.InvariantCulture);

        return configuration.CreateLogger();
    }

    private static LogEventLevel ParseLevel(string level) => level switch
    {
        "debug" => LogEventLevel.Debug,
        "warning" => LogEventLevel.Warning,
        "error" => LogEventLevel.Error,
        _ => LogEventLevel.Information,
    };
}
