using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Logging;

namespace Aggregator.Drills;

/// <summary>
/// The drills' fixture servers: Kestrel on 127.0.0.1 only (drills never listen beyond loopback), on a
/// port the system picks so parallel drills never collide, without logging that would drown the drill's own lines.
/// </summary>
internal static class LoopbackServer
{
    public static WebApplication Create()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        return builder.Build();
    }

    /// <summary>Starts <paramref name="app"/> and returns the address it listens on, ending in '/'.</summary>
    public static async Task<Uri> StartAsync(WebApplication app, string drill)
    {
        await app.StartAsync();
        var address = app.Services.GetService(typeof(IServer)) is IServer kestrel
            ? kestrel.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            : null;
        return new Uri((address ?? throw new InvalidOperationException($"{drill}: the fixture server has no address.")) + "/");
    }
}
