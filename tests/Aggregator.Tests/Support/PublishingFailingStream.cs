namespace Aggregator.Tests.Support;

/// <summary>A file stream that fails after a number of bytes, like a full disk in the middle of a write.</summary>
internal sealed class PublishingFailingStream(Stream inner, int failAfterBytes) : Stream
{
    private long _written;

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => inner.Length;
    public override long Position { get => inner.Position; set => throw new NotSupportedException(); }

    public override void Write(byte[] buffer, int offset, int count) =>
        WriteAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var room = (int)Math.Max(0, failAfterBytes - _written);
        if (buffer.Length > room)
        {
            await inner.WriteAsync(buffer[..room], cancellationToken);
            await inner.FlushAsync(cancellationToken);
            throw new IOException("No space left on device (simulated).");
        }
        await inner.WriteAsync(buffer, cancellationToken);
        _written += buffer.Length;
    }

    public override void Flush() => inner.Flush();
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
            inner.Dispose();
        base.Dispose(disposing);
    }

    public override async ValueTask DisposeAsync()
    {
        await inner.DisposeAsync();
        await base.DisposeAsync();
    }
}
