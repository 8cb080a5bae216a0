using Aggregator.Http.Direct;
using Aggregator.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Aggregator.Tests.Http.Direct;

public sealed class DirectSendLifetimeTests
{
    [Fact]
    public async Task AnIdleKeepAliveConnectionIsClosedWhenTheServerStops()
    {
        var sample = new HttpServedSample();
        await sample.InitializeAsync();
        using var connection = await HttpRawConnection.OpenAsync(sample.BaseAddress);
        await connection.SendAsync($"GET /feeds/all.atom HTTP/1.1\r\nHost: {sample.BaseAddress.Authority}\r\n\r\n");
        Assert.Equal(200, (await connection.ReadResponseAsync()).Status);
        Assert.Equal(1, sample.Services.GetRequiredService<DirectFileServer>().Responses);

        var stopping = sample.DisposeAsync();
        // Between requests a graceful stop closes the connection at once, long before the 20 s
        // shutdown timeout would abort it.
        Assert.True(await connection.IsClosedByServerAsync(TimeSpan.FromSeconds(10)));
        await stopping;
    }

    [Fact]
    public async Task WithDirectSendOffEveryRequestGoesThroughKestrel()
    {
        var sample = new HttpServedSample(http => http.DirectSend = false);
        try
        {
            await sample.InitializeAsync();
            using var connection = await HttpRawConnection.OpenAsync(sample.BaseAddress);
            await connection.SendAsync($"GET /feeds/all.atom HTTP/1.1\r\nHost: {sample.BaseAddress.Authority}\r\n\r\n");

            var response = await connection.ReadResponseAsync();

            Assert.Equal(200, response.Status);
            Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(sample.OutputDirectory, "feeds", "all.atom")), response.Body);
            Assert.Equal(0, sample.Services.GetRequiredService<DirectFileServer>().Responses);
        }
        finally
        {
            await sample.DisposeAsync();
        }
    }
}
