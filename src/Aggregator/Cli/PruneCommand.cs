using System.CommandLine;
using Aggregator.Hosting;
using Aggregator.Publishing;
using Aggregator.Storage;

namespace Aggregator.Cli;

/// <summary>`prune`: applies retention (maximum age and count) and leaves tombstones so nothing comes back.</summary>
internal static class PruneCommand
{
    public static Command Create(LoggingOptionSet logOptions)
    {
        var config = CommonOptions.Config();
        var data = CommonOptions.Data();
        var output = CommonOptions.Out();
        var maxAge = new Option<TimeSpan?>("--max-age")
        {
            Description = "Delete articles published longer ago than this (d.hh:mm:ss, e.g. 30.00:00:00).",
            HelpName = "DURATION",
        };
        var maxCount = new Option<int?>("--max-count") { Description = "Keep only the newest N articles.", HelpName = "N" };
        var command = new Command("prune", "Delete expired articles (by age and/or count; they leave tombstones and never come back), then republish the feeds.")
        {
            config, data, output, maxAge, maxCount,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var error = parse.InvocationConfiguration.Error;
            var age = parse.GetValue(maxAge);
            var count = parse.GetValue(maxCount);
            if (age is null && count is null)
            {
                error.WriteLine("prune: give --max-age, --max-count or both");
                return ExitCodes.InvalidConfigurationOrUsage;
            }

            if (age <= TimeSpan.Zero || count < 0)
            {
                error.WriteLine("prune: --max-age must be positive and --max-count not negative");
                return ExitCodes.InvalidConfigurationOrUsage;
            }

            var configPath = parse.GetRequiredValue(config);
            if (SettingsLoader.Load(configPath, error) is not { } settings)
                return ExitCodes.InvalidConfigurationOrUsage;

            var paths = new AggregatorPaths(configPath, parse.GetRequiredValue(data), parse.GetRequiredValue(output));
            await using var services = await PipelineServices.BuildAsync(settings, paths, logOptions.Read(parse), cancellationToken);
            var result = await services.Store.ApplyRetentionAsync(new RetentionPolicy { MaxAge = age, MaxCount = count }, cancellationToken);
            var published = await services.Get<IFeedPublisher>().PublishAsync(settings, services.Store, cancellationToken);
            parse.InvocationConfiguration.Output.WriteLine(
                $"{result.ArticlesDeleted} articles deleted, {result.TombstonesAdded} tombstones added; {published.Written.Count} files republished");
            return ExitCodes.Ok;
        });
        return command;
    }
}
