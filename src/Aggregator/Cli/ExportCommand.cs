using System.CommandLine;
using Aggregator.Hosting;
using Aggregator.Publishing.Opml;
using Aggregator.Publishing.Posts;

namespace Aggregator.Cli;

/// <summary>`export posts|opml`: the stored articles as Hexo-style posts (the seed's format), the sources as OPML.</summary>
internal static class ExportCommand
{
    public static Command Create(LoggingOptionSet logOptions) =>
        new("export", "Export stored articles as posts in the seed's format, or the sources as OPML.")
        {
            Posts(logOptions),
            Opml(),
        };

    private static Command Posts(LoggingOptionSet logOptions)
    {
        var config = CommonOptions.Config();
        var data = CommonOptions.Data();
        var output = new Option<string>("--out", "-o")
        {
            Description = "Folder the post files are written to.",
            HelpName = "DIR",
            DefaultValueFactory = _ => "posts",
        };
        var category = new Option<string?>("--category") { Description = "Only articles of this category (its name).", HelpName = "NAME" };
        var limit = new Option<int?>("--limit") { Description = "Only the newest N articles.", HelpName = "N" };
        var command = new Command("posts", "Write one markdown file per stored article, front matter exactly as the seed's; unchanged files are not rewritten, posts no longer exported are removed.")
        {
            config, data, output, category, limit,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var configPath = parse.GetRequiredValue(config);
            if (SettingsLoader.Load(configPath, parse.InvocationConfiguration.Error) is not { } settings)
                return ExitCodes.InvalidConfigurationOrUsage;
            if (parse.GetValue(limit) is <= 0)
            {
                parse.InvocationConfiguration.Error.WriteLine("export posts: --limit must be a positive number");
                return ExitCodes.InvalidConfigurationOrUsage;
            }

            var paths = new AggregatorPaths(configPath, parse.GetRequiredValue(data), "public");
            await using var services = await PipelineServices.BuildAsync(settings, paths, logOptions.Read(parse), cancellationToken);
            var folder = parse.GetRequiredValue(output);
            var report = await services.Get<PostExporter>().ExportAsync(
                services.Store, folder, parse.GetValue(category), parse.GetValue(limit), cancellationToken);
            parse.InvocationConfiguration.Output.WriteLine(
                $"{folder}: {report.Written.Count} written, {report.Unchanged.Count} unchanged, {report.Removed.Count} removed");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Opml()
    {
        var config = CommonOptions.Config();
        var output = new Option<string>("--out", "-o")
        {
            Description = "OPML file to write ('-' for standard output).",
            HelpName = "FILE",
            DefaultValueFactory = _ => "sources.opml",
        };
        var includeFeeds = new Option<bool>("--include-merged-feeds") { Description = "Also list the merged category feeds." };
        var command = new Command("opml", "Write the configured sources as OPML 2.0.") { config, output, includeFeeds };
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (SettingsLoader.Load(parse.GetRequiredValue(config), parse.InvocationConfiguration.Error) is not { } settings)
                return ExitCodes.InvalidConfigurationOrUsage;

            var path = parse.GetRequiredValue(output);
            if (path == "-")
            {
                var bytes = OpmlExporter.Build(settings, parse.GetValue(includeFeeds));
                parse.InvocationConfiguration.Output.Write(System.Text.Encoding.UTF8.GetString(bytes));
                return ExitCodes.Ok;
            }

            var written = await new OpmlExporter(new Publishing.AtomicFileWriter(TimeProvider.System)).ExportAsync(settings, path, parse.GetValue(includeFeeds), cancellationToken);
            parse.InvocationConfiguration.Output.WriteLine($"{path}: {(written ? "written" : "unchanged")}");
            return ExitCodes.Ok;
        });
        return command;
    }
}
