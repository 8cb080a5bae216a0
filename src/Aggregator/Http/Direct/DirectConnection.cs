using System.Buffers;
using System.IO.Pipelines;
using System.Net.Sockets;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Connections.Features;

namespace Aggregator.Http.Direct;

/// <summary>
/// One connection on the direct path: reads request heads from Kestrel's input pipe, answers the
/// ones <see cref="DirectFileServer"/> accepts by writing to the socket, and stops at the first it
/// declines. Kestrel's limits are kept: a connection idle longer than its keep-alive timeout, or a
/// head slower than its request-headers timeout, is closed; a send slower than its minimum response
/// data rate allows aborts the connection; a graceful shutdown closes it between requests.
/// </summary>
internal sealed class DirectConnection(DirectFileServer server, ConnectionContext context, Socket socket)
{
    private const int HeadBufferBytes = 1024;

    private readonly byte[] head = new byte[HeadBufferBytes];
    private readonly ArraySegment<byte>[] segments = new ArraySegment<byte>[2];
    private byte[]? scratch;

    /// <summary>Serves requests until the connection ends (false) or a request is left to Kestrel (true: call the next middleware).</summary>
    public async Task<bool> RunAsync()
    {
        var input = context.Transport.Input;
        var closing = context.Features.Get<IConnectionLifetimeNotificationFeature>()?.ConnectionClosedRequested ?? CancellationToken.None;
        using var timeout = new CancellationTokenSource();
        // On shutdown a waiting read returns (cancelled) and the connection closes between requests.
        await using var onClosing = closing.UnsafeRegister(static state => ((PipeReader)state!).CancelPendingRead(), input);
        // A timeout aborts the connection: the pending read completes, a pending send fails.
        await using var onTimeout = timeout.Token.UnsafeRegister(static state => ((ConnectionContext)state!).Abort(), context);
        var examined = 0L;
        while (true)
        {
            ReadResult result;
            if (examined > 0 || !input.TryRead(out result))
            {
                timeout.CancelAfter(examined == 0 ? server.Limits.KeepAliveTimeout : server.Limits.RequestHeadersTimeout);
                try
                {
                    result = await input.ReadAsync();
                }
                catch (Exception exception) when (IsConnectionFailure(exception))
                {
                    return false;
                }

                if (!timeout.TryReset())
                {
                    input.AdvanceTo(result.Buffer.Start, result.Buffer.End);
                    return false;
                }
            }

            var buffer = result.Buffer;
            if (result.IsCanceled || closing.IsCancellationRequested || (buffer.IsEmpty && result.IsCompleted))
            {
                input.AdvanceTo(buffer.Start, buffer.End);
                return false;
            }

            var status = Prepare(buffer, out var consumed, out var response);
            if (status == ParseStatus.Incomplete && !result.IsCompleted)
            {
                examined = buffer.Length;
                input.AdvanceTo(buffer.Start, buffer.End);
                continue;
            }

            if (status != ParseStatus.Parsed)
            {
                // Kestrel gets the request unread (only what was examined is marked so, and the
                // rest is new to the pipe, so its first read returns at once).
                input.AdvanceTo(buffer.Start, buffer.GetPosition(examined));
                return true;
            }

            input.AdvanceTo(buffer.GetPosition(consumed));
            examined = 0;
            if (!await SendAsync(response, timeout))
                return false;
        }
    }

    private ParseStatus Prepare(ReadOnlySequence<byte> buffer, out int consumed, out DirectResponse response)
    {
        consumed = 0;
        response = default;
        ReadOnlySpan<byte> data;
        if (buffer.IsSingleSegment)
        {
            data = buffer.FirstSpan;
        }
        else
        {
            scratch ??= new byte[RequestHeadParser.MaxHeadBytes];
            var length = (int)Math.Min(buffer.Length, scratch.Length);
            buffer.Slice(0, length).CopyTo(scratch);
            data = scratch.AsSpan(0, length);
        }

        var status = RequestHeadParser.Parse(data, out var request);
        if (status != ParseStatus.Parsed)
            return status;
        if (server.Prepare(request, head) is not { } prepared)
            return ParseStatus.NotForUs;
        consumed = request.Length;
        response = prepared;
        return ParseStatus.Parsed;
    }

    /// <summary>Sends head and body as one gather write; false when the connection failed or timed out.</summary>
    private async Task<bool> SendAsync(DirectResponse response, CancellationTokenSource timeout)
    {
        var total = response.HeadLength + (response.Body?.Length ?? 0);
        var rate = server.Limits.MinResponseDataRate;
        if (rate is not null)
            timeout.CancelAfter(rate.GracePeriod + TimeSpan.FromSeconds(total / rate.BytesPerSecond));
        try
        {
            int sent;
            if (response.Body is null)
            {
                sent = await socket.SendAsync(head.AsMemory(0, response.HeadLength), SocketFlags.None);
            }
            else
            {
                segments[0] = new ArraySegment<byte>(head, 0, response.HeadLength);
                segments[1] = new ArraySegment<byte>(response.Body);
                sent = await socket.SendAsync(segments, SocketFlags.None);
                segments[1] = default;
            }

            if (sent != total)
            {
                context.Abort();
                return false;
            }
        }
        catch (Exception exception) when (IsConnectionFailure(exception))
        {
            context.Abort();
            return false;
        }

        // A send that outlived its time has already aborted the connection.
        return rate is null || timeout.TryReset();
    }

    private static bool IsConnectionFailure(Exception exception) =>
        exception is IOException or SocketException or ObjectDisposedException or OperationCanceledException;
}
