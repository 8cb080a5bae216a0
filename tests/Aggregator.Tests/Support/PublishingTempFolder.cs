namespace Aggregator.Tests.Support;

/// <summary>A fresh folder under the temp directory, deleted with everything in it on dispose.</summary>
internal sealed class PublishingTempFolder : IDisposable
{
    public PublishingTempFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "aggregator-publishing-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string File(string relative) => System.IO.Path.Combine(Path, relative.Replace('/', System.IO.Path.DirectorySeparatorChar));

    public void Dispose()
    {
        if (Directory.Exists(Path))
            Directory.Delete(Path, recursive: true);
    }
}
