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
            var path = parse.GetRequiredValue(config);
            return ConfigCheckReport.Write(FeedsConfigLoader.Load(path), path, parse.InvocationConfiguration.Output);
        });
        return command;
    }
}
