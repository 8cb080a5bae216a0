namespace Aggregator.Drills;

/// <summary>Where the drills find the repository, the built Aggregator and the shared material.</summary>
internal static class DrillPaths
{
    /// <summary>The folder holding Aggregator.sln, searched upward from <paramref name="start"/> (the current directory by default).</summary>
    public static string RepositoryRoot(string? start = null)
    {
        foreach (var first in new[] { start ?? Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var folder = new DirectoryInfo(first); folder is not null; folder = folder.Parent)
            {
                if (File.Exists(Path.Combine(folder.FullName, "Aggregator.sln")))
                    return folder.FullName;
            }
        }

        throw new DirectoryNotFoundException("drills: no Aggregator.sln above the current directory or the drill binary; run from the repository.");
    }

    /// <summary>The Aggregator.dll a child process runs: the one built next to the drill (a project reference copies it with its runtimeconfig).</summary>
    public static string AggregatorDll()
    {
        var beside = Path.Combine(AppContext.BaseDirectory, "Aggregator.dll");
        if (File.Exists(beside) && File.Exists(Path.Combine(AppContext.BaseDirectory, "Aggregator.runtimeconfig.json")))
            return beside;
        var built = Path.Combine(RepositoryRoot(), "src", "Aggregator", "bin", "Release", "net10.0", "Aggregator.dll");
        if (File.Exists(built))
            return built;
        built = Path.Combine(RepositoryRoot(), "src", "Aggregator", "bin", "Debug", "net10.0", "Aggregator.dll");
        return File.Exists(built) ? built : throw new FileNotFoundException("drills: Aggregator.dll is not built; run 'dotnet build' first.");
    }

    /// <summary>The shared material (corpora, bench scripts) beside the worktree, if present.</summary>
    public static string? Shared()
    {
        var root = RepositoryRoot();
        foreach (var candidate in new[] { Path.Combine(root, "..", "shared"), "/work/shared" })
        {
            if (Directory.Exists(candidate))
                return Path.GetFullPath(candidate);
        }

        return null;
    }
}
