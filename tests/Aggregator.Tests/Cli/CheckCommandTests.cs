using Aggregator.Tests.Support;

namespace Aggregator.Tests.Cli;

public sealed class CheckCommandTests
{
    // Positions matter: the assertions name the exact line and column of each mistake.
    private const string BrokenConfig = """
        {
          "site": { "title": "Test", "baseUrl": "http://127.0.0.1/" },
          "sources": [
            { "id": "a", "title": "A", "url": "http://127.0.0.1/a.xml", "categories": ["x"] },
            { "id": "b", "titel": "B", "url": "http://127.0.0.1/b.xml", "categories": ["x"] },
            { "id": "c", "title": "C", "categories": ["x"] },
            { "id": "a", "title": "A again", "url": "http://127.0.0.1/a2.xml", "categories": ["x"] }
          ]
        }
        """;

    [Fact]
    public async Task ATypoAMissingUrlAndADuplicateIdAreAllReportedWithTheirPositions()
    {
        using var temp = new TempDirectory();
        var path = temp.WriteFile("feeds.json", BrokenConfig);

        var result = await CliRunner.RunAsync("check", "--config", path);

        Assert.Equal(2, result.ExitCode);
        var lines = result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains(lines, l => l.StartsWith($"{path}:5:18: ", StringComparison.Ordinal) && l.Contains("titel", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith($"{path}:6:5: ", StringComparison.Ordinal) && l.Contains("url", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith($"{path}:7:13: ", StringComparison.Ordinal) && l.Contains("duplicate", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task AValidConfigurationExitsZero()
    {
        using var temp = new TempDirectory();
        var path = temp.WriteFile("feeds.json", """
            {
              "site": { "title": "Test", "baseUrl": "http://127.0.0.1/" },
              "sources": [ { "id": "a", "title": "A", "url": "http://127.0.0.1/a.xml", "categories": ["x"] } ]
            }
            """);

        var result = await CliRunner.RunAsync("check", "--config", path);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("1 sources", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunOnceWithAnInvalidConfigurationExitsTwoAndWritesNothing()
    {
        using var temp = new TempDirectory();
        var path = temp.WriteFile("feeds.json", BrokenConfig);
        var data = temp.Combine("data");
        var output = temp.Combine("public");

        var result = await CliRunner.RunAsync("run-once", "--config", path, "--data", data, "--out", output);

        Assert.Equal(2, result.ExitCode);
        Assert.False(Directory.Exists(data));
        Assert.False(Directory.Exists(output));
    }

    [Fact]
    public async Task AnUnknownOptionIsAUsageErrorWithExitCodeTwo()
    {
        var result = await CliRunner.RunAsync("check", "--no-such-option");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--no-such-option", result.Error, StringComparison.Ordinal);
    }
}
