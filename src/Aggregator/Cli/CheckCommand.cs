using System.CommandLine;
using Aggregator.Configuration;

namespace Aggregator.Cli;

/// <summary>`check`: validates feeds.json and prints every problem as FILE:LINE:COLUMN: message.</summary>
internal static class CheckCommand
{
    public static Command Create()
    {
        var config = CommonOptions.Config();
        var command = new Command("check", "Validate feeds.json; print every problem as FILE:LINE:COLUMN: message. Exit 0 when valid, 2 otherwise.")
        {
            config,
        };
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var path = parse.GetRequiredValue(config);
            var result = FeedsConfigLoader.Load(path);
            if (!ConfigReporter.Report(result, parse.InvocationConfiguration.Error))
                return ExitCodes.InvalidConfigurationOrUsage;

            var settings = result.Settings!;
            output.WriteLine($"{path}: ok — {settings.Sources.Count} sources ({settings.Sources.Count(s => s.Enabled)} enabled), {settings.Categories.Count} categories");
            return ExitCodes.Ok;
        });
        return command;
    }
}
