namespace Aggregator.Tests.Support;

/// <summary>The repository root (the folder holding Aggregator.sln) and the shared folder beside it.</summary>
internal static class RepositoryPaths
{
    private static readonly Lazy<string> LazyRoot = new(FindRoot);

    public static string Root => LazyRoot.Value;

    /// <summary>A path under ../shared beside the clone (seed, corpora, bench), as CI lays it out.</summary>
    public static string Shared(params string[] parts) =>
        Path.GetFullPath(Path.Combine([Root, "..", "shared", .. parts]));

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Aggregator.sln")))
                return folder.FullName;
        }

        throw new InvalidOperationException("test setup: no folder with Aggregator.sln above " + AppContext.BaseDirectory);
    }
}
