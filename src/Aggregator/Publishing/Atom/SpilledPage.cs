namespace Aggregator.Publishing.Atom;

/// <summary>A published archive page as the publisher left it on disk: where, and its size and modification time then.</summary>
internal sealed record SpilledPage(string FullPath, long Length, DateTime LastWriteTimeUtc)
{
    /// <summary>The page as it is on disk now, or null when it is missing.</summary>
    public static SpilledPage? Of(string fullPath)
    {
        var info = new FileInfo(fullPath);
        return info.Exists ? new SpilledPage(info.FullName, info.Length, info.LastWriteTimeUtc) : null;
    }
}
