using System.CommandLine;
using Aggregator.Hosting;
using Aggregator.Pipeline;

namespace Aggregator.Cli;

/// <summary>`run-once`: poll every enabled source once, store, publish, print a summary, exit with the run's health.</summary>
internal static class RunOnceCommand
{
    public static Command Create(LoggingOptionSet logOptions)
    {
        var config = CommonOptions.Config();
        var data = CommonOptions.Data();
        var output = CommonOptions.Out();
        var only = new Option<string[]>("--only")
        {
            Description = "Poll only these source ids (repeatable).",
            HelpName = "ID",
            AllowMultipleArgumentsPerToken = false,
        };
        var command = new Command(
            "run-once",
            "Poll every enabled source once (concurrently, bounded), store, publish the merged feeds, print a summary. Exit 0 when every source succeeded, 1 when some failed, 2 when the configuration is invalid.")
        {
            config, data, output, only,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var configPath = parse.GetRequiredValue(config);
            if (SettingsLoader.Load(configPath, parse.InvocationConfiguration.Error) is not { } settings)
                return ExitCodes.InvalidConfigurationOrUsage;

            var wanted = parse.GetValue(only) ?? [];
            var unknown = wanted.Where(id => settings.Sources.All(s => s.Id != id)).ToList();
            if (unknown.Count > 0)
            {
                parse.InvocationConfiguration.Error.WriteLine($"run-once: unknown source id(s) in --only: {string.Join(", ", unknown)}");
                return ExitCodes.InvalidConfigurationOrUsage;
            }

            var sources = settings.Sources
                .Where(s => wanted.Length > 0 ? wanted.Contains(s.Id) : s.Enabled)
                .ToList();
            var paths = new AggregatorPaths(configPath, parse.GetRequiredValue(data), parse.GetRequiredValue(output));
            var logging = logOptions.Read(parse);

            await using var services = await PipelineServices.BuildAsync(settings, paths, logging, cancellationToken);
            var progress = RunProgress.For(parse.InvocationConfiguration.Error, sources.Count);
            var report = await services.Run.RunAsync(settings, sources, progress, cancellationToken);
            RunSummary.Write(report, parse.InvocationConfiguration.Output);
            return report.AllSucceeded ? ExitCodes.Ok : ExitCodes.SomeSourcesFailed;
        });
        return command;
    }
}
