namespace Aggregator.Tests.Support;

/// <summary>The seed article (../shared/seed beside the repository), read as bytes.</summary>
internal static class PublishingSeed
{
    public const string FileName = "000_abe74ac236356f83.txt";

    /// <summary>The seed's path: walk up from the test binaries to the folder holding Aggregator.sln, then ../shared/seed.</summary>
    public static string Path() => RepositoryPaths.Shared("seed", FileName);
}
