using System.CommandLine;

namespace Aggregator.Cli;

/// <summary>The root command: every subcommand, and the exit code 2 for usage errors.</summary>
internal static class CliApp
{
    public static RootCommand Create()
    {
        var logging = new LoggingOptionSet(CommonOptions.LogFormat(), CommonOptions.LogLevel());
        var root = new RootCommand("Aggregator: polls financial news feeds, deduplicates every story across sources, and republishes merged Atom feeds by category.")
        {
            logging.Format,
            logging.Level,
            RunOnceCommand.Create(logging),
            ServeCommand.Create(logging),
            CheckCommand.Create(),
            ParseCommand.Create(logging),
            SourcesCommand.Create(logging),
            ExportCommand.Create(logging),
            PruneCommand.Create(logging),
        };
        return root;
    }

    /// <summary>Parses and runs; a usage error prints the parser's message and exits 2 (not System.CommandLine's 1).</summary>
    public static async Task<int> InvokeAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var parse = Create().Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var problem in parse.Errors)
                error.WriteLine(problem.Message);
            error.WriteLine("Run 'Aggregator --help' for usage.");
            return ExitCodes.InvalidConfigurationOrUsage;
        }

        // System.CommandLine ends the process 2 s after SIGTERM by default, cutting serve's graceful stop
        // (running polls get SchedulingOptions.ShutdownGrace, the host AggregatorWebHost.ShutdownTimeout):
        // found by the serve kill drill (exit 143 instead of 0 when polls were in flight).
        var invocation = new InvocationConfiguration
        {
            Output = output,
            Error = error,
            ProcessTerminationTimeout = Http.AggregatorWebHost.ShutdownTimeout + TimeSpan.FromSeconds(10),
        };
        return await parse.InvokeAsync(invocation, cancellationToken);
    }
}
