using Aggregator.Model;

namespace Aggregator.Fetching;

/// <summary>
/// Reads a <c>file:</c> source (the offline samples) with the same size limit as HTTP. The file's
/// modification time plays Last-Modified, so an unchanged file is reported as not modified. A local
/// file is read synchronously, in one read into a pooled array (<see cref="PooledBody"/>): an
/// asynchronous read of a file in the page cache only adds hops to the thread pool.
/// </summary>
internal static class FileFeedReader
{
    public static async Task<FetchOutcome> ReadAsync(SourceDefinition source, FetchConditions conditions, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        var started = timeProvider.GetTimestamp();
        var path = source.Url.LocalPath;
        FetchOutcome outcome;
        try
        {
            // Opened first, its time read from the open handle: one lookup of the path instead of three
            // (time, existence, open), which was most of what a re-poll's fetch cost beyond the read.
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
            var lastModified = File.GetLastWriteTimeUtc(stream.SafeFileHandle).ToString("R");
            if (conditions.LastModified == lastModified)
            {
                outcome = new FetchOutcome { Status = FetchStatus.NotModified, LastModified = lastModified };
            }
            else
            {
                cancellationToken.ThrowIfCancellationRequested();
                outcome = new FetchOutcome
                {
                    Status = FetchStatus.Fetched,
                    Payload = new FeedPayload(await ReadBodyAsync(stream, source.MaxBytes, cancellationToken), null, source.Url),
                    LastModified = lastModified,
                };
            }
        }
        catch (FetchFailedException e)
        {
            outcome = new FetchOutcome { Status = FetchStatus.Failed, Error = e.Message };
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            outcome = new FetchOutcome { Status = FetchStatus.Failed, Error = $"fetch: file not found: {path}" };
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            outcome = new FetchOutcome { Status = FetchStatus.Failed, Error = $"fetch: could not read {path}: {e.Message.TrimEnd('.')}" };
        }

        return outcome with { Elapsed = timeProvider.GetElapsedTime(started) };
    }

    /// <summary>The whole file in a pooled array; a file over the limit fails as an HTTP body would.</summary>
    private static async ValueTask<ReadOnlyMemory<byte>> ReadBodyAsync(FileStream stream, long maxBytes, CancellationToken cancellationToken)
    {
        var length = stream.Length;
        if (length > maxBytes)
            throw new FetchFailedException($"fetch: body exceeds the {BoundedBodyReader.FormatSize(maxBytes)} limit");

        // One byte more than the file's length tells whether it grew while we read it.
        var buffer = PooledBody.Rent((int)length + 1);
        var read = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        if (read < buffer.Length)
            return buffer.AsMemory(0, read);

        // It grew (a feed being rewritten in place): read it again the bounded way.
        PooledBody.Return(buffer);
        stream.Position = 0;
        return await BoundedBodyReader.ReadLimitedAsync(stream, maxBytes, null, cancellationToken);
    }
}
