using Aggregator.Model;

namespace Aggregator.Fetching;

/// <summary>
/// Reads a <c>file:</c> source (the offline samples) with the same size limit as HTTP. The file's
/// modification time plays Last-Modified, so an unchanged file is reported as not modified.
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
            var lastModified = File.GetLastWriteTimeUtc(path).ToString("R");
            if (File.Exists(path) && conditions.LastModified == lastModified)
            {
                outcome = new FetchOutcome { Status = FetchStatus.NotModified, LastModified = lastModified };
            }
            else
            {
                await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.Asynchronous | FileOptions.SequentialScan);
                var body = await BoundedBodyReader.ReadLimitedAsync(stream, source.MaxBytes, stream.Length, cancellationToken);
                outcome = new FetchOutcome
                {
                    Status = FetchStatus.Fetched,
                    Payload = new FeedPayload(body, null, source.Url),
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
}
