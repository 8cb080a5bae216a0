using System.Globalization;
using System.Net.Sockets;
using System.Text;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Connections.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;

namespace Aggregator.Http.Direct;

/// <summary>
/// A Kestrel connection middleware that answers plain GET/HEAD requests for published files itself
/// and sends the prepared bytes straight from memory to the socket, one gather write of head and
/// body, instead of copying them into Kestrel's output pipe first (the copy that made a 530 KB feed
/// cost twice nginx's CPU). It owns a connection only until the first request it declines
/// (<see cref="RequestHeadParser"/>: anything but a plain GET/HEAD of a published path); it then
/// hands the connection, with that request still unread, to Kestrel's HTTP layer for good. The socket
/// is written only while Kestrel has never written to this connection and the direct path awaits
/// each send before reading on, so the two writers never overlap. Responses carry the same headers
/// as <see cref="PublishedFileEndpoint"/>'s and are counted in <see cref="AggregatorMetrics"/>.
/// </summary>
internal sealed class DirectFileServer(
    ServedSite site, AggregatorMetrics metrics, IOptions<HttpOptions> options, IOptions<KestrelServerOptions> kestrel, TimeProvider clock)
{
    private readonly byte[] cacheControl = Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"public, max-age={options.Value.CacheMaxAgeSeconds}"));
    private readonly HttpDate date = new(clock);
    private long responses;

    public KestrelServerLimits Limits => kestrel.Value.Limits;

    /// <summary>Responses the direct path has prepared (tests tell by it which path answered).</summary>
    public long Responses => Interlocked.Read(ref responses);

    /// <summary>The middleware for <c>ListenOptions.Use</c>; <paramref name="next"/> itself when <see cref="HttpOptions.DirectSend"/> is off.</summary>
    public ConnectionDelegate Wrap(ConnectionDelegate next) =>
        options.Value.DirectSend ? context => ServeAsync(context, next) : next;

    private async Task ServeAsync(ConnectionContext context, ConnectionDelegate next)
    {
        // Only a plain socket connection (not TLS, not a test transport) can be written to directly.
        var socket = context.Features.Get<IConnectionSocketFeature>()?.Socket;
        if (socket is null || socket.SocketType != SocketType.Stream)
        {
            await next(context);
            return;
        }

        if (await new DirectConnection(this, context, socket).RunAsync())
            await next(context);
    }

    /// <summary>
    /// The response to a parsed request, its head written to <paramref name="headBuffer"/>; null when
    /// the path is not a published file (Kestrel answers: 404, /health, /metrics).
    /// </summary>
    public DirectResponse? Prepare(scoped in RequestHead head, Span<byte> headBuffer)
    {
        // Two values are needed at once (If-None-Match and If-Modified-Since), each at most MaxValueBytes.
        Span<char> chars = stackalloc char[2 * RequestHeadParser.MaxValueBytes];
        var file = site.Find(Chars(head.Path, chars));
        if (file is null)
            return null;

        var variant = file.Variant(AcceptEncoding.Choose(Chars(head.AcceptEncoding, chars)));
        var notModified = ConditionalRequest.IsNotModified(
            Chars(head.IfNoneMatch, chars[..RequestHeadParser.MaxValueBytes]), Chars(head.IfModifiedSince, chars[RequestHeadParser.MaxValueBytes..]), file, variant);
        if (ResponseHead.MaxLength(file, variant, cacheControl.Length) > headBuffer.Length)
            return null;

        var length = ResponseHead.Write(headBuffer, file, variant, notModified, date.Now(), cacheControl);
        Interlocked.Increment(ref responses);
        metrics.RecordRequest(file.Kind, notModified ? StatusCodes.Status304NotModified : StatusCodes.Status200OK);
        return new DirectResponse(length, notModified || head.IsHead ? null : variant.Body);
    }

    /// <summary>Header bytes (validated ASCII) as characters in <paramref name="buffer"/>.</summary>
    private static ReadOnlySpan<char> Chars(ReadOnlySpan<byte> ascii, Span<char> buffer)
    {
        Ascii.ToUtf16(ascii, buffer, out var written);
        return buffer[..written];
    }
}
