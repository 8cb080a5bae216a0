using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace Aggregator.Tests.Support;

/// <summary>
/// One keep-alive TCP connection to a test server, for what HttpClient cannot show: requests written
/// byte for byte (pipelined, split, malformed) and responses read back as status, raw header lines
/// in wire order, and body.
/// </summary>
internal sealed class HttpRawConnection : IDisposable
{
    private readonly TcpClient tcp = new();
    private NetworkStream stream = null!;
    private byte[] pending = [];

    public static async Task<HttpRawConnection> OpenAsync(Uri server)
    {
        var connection = new HttpRawConnection();
        await connection.tcp.ConnectAsync(server.Host, server.Port);
        connection.stream = connection.tcp.GetStream();
        return connection;
    }

    public Task SendAsync(string text) => stream.WriteAsync(Encoding.ASCII.GetBytes(text)).AsTask();

    /// <summary>Reads one response; <paramref name="bodyless"/> for HEAD (304 has no body anyway).</summary>
    public async Task<HttpRawResponse> ReadResponseAsync(bool bodyless = false)
    {
        int end;
        while ((end = pending.AsSpan().IndexOf("\r\n\r\n"u8)) < 0)
            await FillAsync();
        var lines = Encoding.ASCII.GetString(pending, 0, end).Split("\r\n");
        pending = pending[(end + 4)..];
        var status = int.Parse(lines[0].Split(' ')[1], CultureInfo.InvariantCulture);
        var headers = lines[1..];
        var length = headers.Select(h => h.Split(": ", 2)).Where(h => h[0].Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
            .Select(h => int.Parse(h[1], CultureInfo.InvariantCulture)).FirstOrDefault();
        if (bodyless || status == 304)
            length = 0;
        while (pending.Length < length)
            await FillAsync();
        var body = pending[..length];
        pending = pending[length..];
        return new HttpRawResponse(lines[0], headers, body);
    }

    /// <summary>The status line of the next response (for responses whose body framing does not matter).</summary>
    public async Task<string> ReadStatusLineAsync()
    {
        int end;
        while ((end = pending.AsSpan().IndexOf("\r\n"u8)) < 0)
            await FillAsync();
        return Encoding.ASCII.GetString(pending, 0, end);
    }

    /// <summary>True when the server closed the connection (a read returns 0 bytes) within the timeout.</summary>
    public async Task<bool> IsClosedByServerAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            var buffer = new byte[1];
            return await stream.ReadAsync(buffer, cancel.Token) == 0;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
        catch (IOException)
        {
            return true;
        }
    }

    public void Dispose() => tcp.Dispose();

    private async Task FillAsync()
    {
        var buffer = new byte[64 * 1024];
        var read = await stream.ReadAsync(buffer);
        if (read == 0)
            throw new EndOfStreamException("The server closed the connection in the middle of a response.");
        pending = [.. pending, .. buffer.AsSpan(0, read)];
    }
}
