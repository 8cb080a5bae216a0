using System.Runtime.InteropServices;
using System.Threading.Channels;

namespace Aggregator.Scheduling;

/// <summary>
/// Turns "feeds.json may have changed" into signals: file events in its folder (editors that save by
/// writing a temporary file and renaming it over the original show up as a rename, not a change, so
/// the folder is watched and events are matched by name) and SIGHUP, the Unix way to say "reload".
/// </summary>
internal sealed class ConfigFileWatcher : IDisposable
{
    private readonly FileSystemWatcher? watcher;
    private readonly PosixSignalRegistration? hangup;
    private readonly string fileName;
    private readonly ChannelWriter<string> signals;

    public ConfigFileWatcher(string configFile, ChannelWriter<string> signals)
    {
        this.signals = signals;
        var fullPath = Path.GetFullPath(configFile);
        fileName = Path.GetFileName(fullPath);
        var folder = Path.GetDirectoryName(fullPath);
        if (folder is not null && Directory.Exists(folder))
        {
            watcher = new FileSystemWatcher(folder)
            {
                NotifyFilter = NotifyFilters.FileName | NotifyFilters.LastWrite | NotifyFilters.Size | NotifyFilters.CreationTime,
                IncludeSubdirectories = false,
            };
            watcher.Changed += OnChanged;
            watcher.Created += OnChanged;
            watcher.Deleted += OnChanged;
            watcher.Renamed += OnRenamed;
            // Events were lost (buffer overflow): the file may have changed.
            watcher.Error += (_, _) => signals.TryWrite("file watcher error");
            watcher.EnableRaisingEvents = true;
        }

        if (!OperatingSystem.IsWindows())
        {
            hangup = PosixSignalRegistration.Create(PosixSignal.SIGHUP, context =>
            {
                // Handled: SIGHUP's default action would end the process.
                context.Cancel = true;
                signals.TryWrite("SIGHUP");
            });
        }
    }

    private void OnChanged(object sender, FileSystemEventArgs e)
    {
        if (IsConfig(e.Name))
            signals.TryWrite($"{fileName} {e.ChangeType.ToString().ToLowerInvariant()}");
    }

    private void OnRenamed(object sender, RenamedEventArgs e)
    {
        if (IsConfig(e.Name) || IsConfig(e.OldName))
            signals.TryWrite($"{fileName} replaced");
    }

    private bool IsConfig(string? name) => string.Equals(name, fileName, StringComparison.Ordinal);

    public void Dispose()
    {
        watcher?.Dispose();
        hangup?.Dispose();
    }
}
