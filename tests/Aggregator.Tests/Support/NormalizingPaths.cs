namespace Aggregator.Tests.Support;

/// <summary>Finds the shared material (../shared beside the clone) the normalizing tests read.</summary>
internal static class NormalizingPaths
{
    /// <summary>The folder holding Aggregator.sln, found by walking up from the test binaries.</summary>
    public static string RepositoryRoot { get; } = FindRoot();

    /// <summary>A path under the shared folder beside the repository (<c>../shared/…</c>).</summary>
    public static string Shared(params string[] parts) =>
        Path.GetFullPath(Path.Combine([RepositoryRoot, "..", "shared", .. parts]));

    /// <summary>A file under this project's TestData/Normalizing folder, as copied next to the test binaries.</summary>
    public static string TestData(string name) => Path.Combine(AppContext.BaseDirectory, "TestData", "Normalizing", name);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Aggregator.sln")))
                return dir.FullName;
        }

        throw new InvalidOperationException("normalizing tests: no folder with Aggregator.sln above " + AppContext.BaseDirectory);
    }
}
