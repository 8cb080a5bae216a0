namespace Aggregator.Tests.Support;

/// <summary>Finds the shared material (../shared beside the clone) the normalizing tests read.</summary>
internal static class NormalizingPaths
{
    /// <summary>The folder holding Aggregator.sln, found by walking up from the test binaries.</summary>
    public static string RepositoryRoot => RepositoryPaths.Root;

    /// <summary>A path under the shared folder beside the repository (<c>../shared/…</c>).</summary>
    public static string Shared(params string[] parts) => RepositoryPaths.Shared(parts);

    /// <summary>A file under this project's TestData/Normalizing folder, as copied next to the test binaries.</summary>
    public static string TestData(string name) => Path.Combine(AppContext.BaseDirectory, "TestData", "Normalizing", name);
}
