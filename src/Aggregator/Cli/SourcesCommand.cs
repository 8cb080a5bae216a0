using System.CommandLine;
using System.Globalization;
using Aggregator.Hosting;
using Aggregator.Model;
using Quartz;

namespace Aggregator.Cli;

/// <summary>`sources`: every configured source with its schedule, next run, health and article count.</summary>
internal static class SourcesCommand
{
    public static Command Create(LoggingOptionSet logOptions)
    {
        var config = CommonOptions.Config();
        var data = CommonOptions.Data();
        var command = new Command("sources", "List the sources of feeds.json with schedule, next run, health (from the store) and article counts.")
        {
            config, data,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var configPath = parse.GetRequiredValue(config);
            if (SettingsLoader.Load(configPath, parse.InvocationConfiguration.Error) is not { } settings)
                return ExitCodes.InvalidConfigurationOrUsage;

            var paths = new AggregatorPaths(configPath, parse.GetRequiredValue(data), "public");
            await using var services = await PipelineServices.BuildAsync(settings, paths, logOptions.Read(parse), cancellationToken);
            var health = (await services.Store.GetAllHealthAsync(cancellationToken)).ToDictionary(h => h.SourceId);
            Write(settings, health, DateTimeOffset.UtcNow, parse.InvocationConfiguration.Output);
            return ExitCodes.Ok;
        });
        return command;
    }

    internal static void Write(AggregatorSettings settings, IReadOnlyDictionary<string, SourceHealth> health, DateTimeOffset now, TextWriter output)
    {
        var idWidth = Math.Max(2, settings.Sources.Max(s => s.Id.Length));
        var scheduleWidth = Math.Max(8, settings.Sources.Max(s => s.Schedule.Length));
        output.WriteLine($"{"ID".PadRight(idWidth)}  {"SCHEDULE".PadRight(scheduleWidth)}  {"NEXT RUN (UTC)",-17}  {"HEALTH",-10} {"FAILS",5} {"ARTICLES",8}  LAST SUCCESS / ERROR");
        foreach (var source in settings.Sources)
        {
            var state = health.GetValueOrDefault(source.Id) ?? SourceHealth.Unknown(source.Id);
            var next = source.Enabled ? NextRun(source, state, now) : null;
            var detail = state.LastError is { } error && state.ConsecutiveFailures > 0
                ? error
                : state.LastSuccess is { } success ? Format(success) : "never polled";
            output.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"{source.Id.PadRight(idWidth)}  {source.Schedule.PadRight(scheduleWidth)}  {(next is { } n ? Format(n) : "-"),-17}  {Health(source, state),-10} {state.ConsecutiveFailures,5} {state.ArticleCount,8}  {detail}"));
        }
    }

    private static DateTimeOffset? NextRun(SourceDefinition source, SourceHealth state, DateTimeOffset now)
    {
        if (state.Paused)
            return null;
        var after = state.NextAttemptAfter is { } backoff && backoff > now ? backoff : now;
        var cron = new CronExpression(source.Schedule) { TimeZone = TimeZoneInfo.Utc };
        return cron.GetNextValidTimeAfter(after);
    }

    private static string Health(SourceDefinition source, SourceHealth state) => state switch
    {
        _ when !source.Enabled => "disabled",
        { Paused: true } => "paused",
        { ConsecutiveFailures: > 0 } => "failing",
        { LastSuccess: not null } => "ok",
        _ => "new",
    };

    private static string Format(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
