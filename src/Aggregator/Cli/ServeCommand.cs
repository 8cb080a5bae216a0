using System.CommandLine;
using Aggregator.Hosting;
using Aggregator.Http;
using Aggregator.Scheduling;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Aggregator.Cli;

/// <summary>
/// `serve`: the long-lived mode. Publishes once from the store, then serves the merged feeds,
/// /health and /metrics over HTTP until SIGTERM/SIGINT, and exits 0 after a graceful stop.
/// </summary>
internal static class ServeCommand
{
    public const string UrlsVariable = "AGGREGATOR_URLS";

    public static Command Create(LoggingOptionSet logOptions)
    {
        var config = CommonOptions.Config();
        var data = CommonOptions.Data();
        var output = CommonOptions.Out();
        var urls = new Option<string>("--urls")
        {
            Description = $"Addresses to listen on, separated by ';' (env {UrlsVariable}).",
            HelpName = "URLS",
            DefaultValueFactory = _ => Environment.GetEnvironmentVariable(UrlsVariable) is { Length: > 0 } value ? value : "http://127.0.0.1:8080",
        };
        var command = new Command(
            "serve",
            "Publish from the store, then serve the merged feeds (same paths as --out), /health and /metrics over HTTP until stopped. Exit 0 after a graceful stop, 2 when the configuration is invalid.")
        {
            config, data, output, urls,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var configPath = parse.GetRequiredValue(config);
            if (SettingsLoader.Load(configPath, parse.InvocationConfiguration.Error) is not { } settings)
                return ExitCodes.InvalidConfigurationOrUsage;

            var paths = new AggregatorPaths(configPath, parse.GetRequiredValue(data), parse.GetRequiredValue(output));
            var builder = AggregatorWebHost.CreateBuilder(settings, paths, logOptions.Read(parse), parse.GetRequiredValue(urls));
            builder.Services.AddAggregatorScheduling(paths, settings);
            try
            {
                await using var app = await AggregatorWebHost.BuildAsync(builder, settings, cancellationToken);
                await app.StartAsync(cancellationToken);
                var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
                app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ServeCommand))
                    .LogInformation("Serving {FileCount} published files on {Addresses}", app.Services.GetRequiredService<ServedSite>().Source?.Files.Count ?? 0, string.Join(", ", addresses));
                // Returns on SIGTERM/SIGINT (the host's console lifetime) or when the command's token is cancelled.
                await app.WaitForShutdownAsync(cancellationToken);
                return ExitCodes.Ok;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // Stopped while starting: nothing was served yet, the store is left as it was.
                return ExitCodes.Ok;
            }
            catch (IOException exception)
            {
                parse.InvocationConfiguration.Error.WriteLine($"serve: cannot listen on {parse.GetRequiredValue(urls)}: {exception.Message}");
                return ExitCodes.InvalidConfigurationOrUsage;
            }
        });
        return command;
    }
}
