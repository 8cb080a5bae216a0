using System.Text;
using Aggregator.Publishing;
using Aggregator.Tests.Support;

namespace Aggregator.Tests.Publishing;

public sealed class AtomicFileWriterTests : IDisposable
{
    private readonly PublishingTempFolder _folder = new();
    private readonly PublishingClock _clock = new(DateTimeOffset.UtcNow);

    [Fact]
    public async Task NewFileIsWrittenWithExactlyTheBytes()
    {
        var writer = new AtomicFileWriter(_clock);
        var path = _folder.File("deep/er/feed.atom");

        var written = await writer.WriteIfChangedAsync(path, "<feed/>"u8.ToArray(), CancellationToken.None);

        Assert.True(written);
        Assert.Equal("<feed/>"u8.ToArray(), await File.ReadAllBytesAsync(path));
        Assert.Single(Directory.EnumerateFiles(Path.GetDirectoryName(path)!));
    }

    [Fact]
    public async Task FileWithTheSameBytesIsNotTouched()
    {
        var writer = new AtomicFileWriter(_clock);
        var path = _folder.File("feed.atom");
        await writer.WriteIfChangedAsync(path, "same"u8.ToArray(), CancellationToken.None);
        var old = new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(path, old);

        var written = await writer.WriteIfChangedAsync(path, "same"u8.ToArray(), CancellationToken.None);

        Assert.False(written);
        Assert.Equal(old, File.GetLastWriteTimeUtc(path));
    }

    [Fact]
    public async Task ChangedBytesReplaceTheFile()
    {
        var writer = new AtomicFileWriter(_clock);
        var path = _folder.File("feed.atom");
        await writer.WriteIfChangedAsync(path, "old"u8.ToArray(), CancellationToken.None);

        Assert.True(await writer.WriteIfChangedAsync(path, "new!"u8.ToArray(), CancellationToken.None));
        Assert.True(await writer.WriteIfChangedAsync(path, "abc!"u8.ToArray(), CancellationToken.None));
        Assert.Equal("abc!", await File.ReadAllTextAsync(path));
    }

    [Fact]
    public async Task WriteThatFailsMidwayLeavesTheOldFileWholeAndNoTempFile()
    {
        var path = _folder.File("feed.atom");
        await new AtomicFileWriter(_clock).WriteIfChangedAsync(path, "old content"u8.ToArray(), CancellationToken.None);
        var failing = new AtomicFileWriter(_clock, temp => new PublishingFailingStream(new FileStream(temp, FileMode.CreateNew), failAfterBytes: 1000));
        var big = Encoding.UTF8.GetBytes(new string('x', 100_000));

        var error = await Assert.ThrowsAsync<IOException>(() => failing.WriteIfChangedAsync(path, big, CancellationToken.None));

        Assert.Contains("No space left", error.Message, StringComparison.Ordinal);
        Assert.Equal("old content", await File.ReadAllTextAsync(path));
        Assert.Equal([path], Directory.EnumerateFiles(_folder.Path));
    }

    [Fact]
    public async Task TempFilesOfADeadWriterAreCleanedButFreshOnesAreKept()
    {
        var writer = new AtomicFileWriter(_clock);
        var stale = _folder.File(".feed.atom.0123456789ab" + AtomicFileWriter.TempSuffix);
        var fresh = _folder.File(".feed.atom.ba9876543210" + AtomicFileWriter.TempSuffix);
        var unrelated = _folder.File("notes.tmp");
        foreach (var file in new[] { stale, fresh, unrelated })
            await File.WriteAllTextAsync(file, "partial");
        File.SetLastWriteTimeUtc(stale, _clock.Now.UtcDateTime.AddHours(-1));
        File.SetLastWriteTimeUtc(unrelated, _clock.Now.UtcDateTime.AddHours(-1));
        File.SetLastWriteTimeUtc(fresh, _clock.Now.UtcDateTime.AddSeconds(-5));

        var removed = writer.CleanStaleTemps(_folder.Path);

        Assert.Equal(1, removed);
        Assert.False(File.Exists(stale));
        Assert.True(File.Exists(fresh));
        Assert.True(File.Exists(unrelated));
    }

    public void Dispose() => _folder.Dispose();
}
