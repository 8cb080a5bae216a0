using Aggregator.Model;

namespace Aggregator.Cli;

/// <summary>One document given to `parse`: its bytes, or why there are none.</summary>
internal sealed record ParseInput(string Name, FeedPayload? Payload, string? Error)
{
    /// <summary>True for a file named but not read yet (<see cref="Later"/>).</summary>
    public bool IsUnread { get; private init; }

    /// <summary>
    /// A file to read when its turn comes (<see cref="Read"/>): `parse` of a folder then reads each file on
    /// the thread that parses it, into that thread's buffer, instead of holding every file in memory first.
    /// </summary>
    public static ParseInput Later(string path) => new(path, null, null) { IsUnread = true };

    /// <summary>
    /// This input with its bytes: a file not read yet is read into <paramref name="buffer"/> (grown as
    /// needed). The payload then lives in the buffer: use it before reading the next file into it.
    /// </summary>
    public ParseInput Read(ref byte[]? buffer) => IsUnread ? FromFile(Name, ref buffer) : this;

    private static ParseInput FromFile(string path, ref byte[]? buffer)
    {
        try
        {
            var full = Path.GetFullPath(path);
            using var handle = File.OpenHandle(full);
            var length = RandomAccess.GetLength(handle);
            // Zero for pipes and /proc files (their length is unknown until read); over 2 GB File throws as it should.
            if (length == 0 || length > Array.MaxLength)
                return new ParseInput(path, new FeedPayload(File.ReadAllBytes(full), null, new Uri(full)), null);
            if (buffer is null || buffer.Length < length)
                buffer = GC.AllocateUninitializedArray<byte>((int)Math.Min(Array.MaxLength, Math.Max(length, 2L * (buffer?.Length ?? 0))));
            var read = 0;
            while (read < length)
            {
                var count = RandomAccess.Read(handle, buffer.AsSpan(read, (int)length - read), read);
                if (count == 0)
                    break;
                read += count;
            }

            return new ParseInput(path, new FeedPayload(buffer.AsMemory(0, read), null, new Uri(full)), null);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return new ParseInput(path, null, $"parse: cannot read {path}: {exception.Message}");
        }
    }

    /// <summary>A source for a document that is not in feeds.json: no categories, zone inferred unless given.</summary>
    public static SourceDefinition AdHocSource(Uri location, string? title = null, TimeZoneInfo? zone = null) => new()
    {
        Id = "adhoc",
        Title = string.IsNullOrWhiteSpace(title) ? location.Host is { Length: > 0 } host ? host : Path.GetFileName(location.LocalPath) : title,
        Url = location,
        Categories = [],
        Schedule = "0 0 * * * ?",
        TimeZone = zone,
    };
}
