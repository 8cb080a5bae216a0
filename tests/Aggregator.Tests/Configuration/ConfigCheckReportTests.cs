using Aggregator.Configuration;
using static Aggregator.Tests.Support.ConfigurationTestFiles;

namespace Aggregator.Tests.Configuration;

public sealed class ConfigCheckReportTests
{
    [Fact]
    public void ProblemsPrintOneLineEachInFileOrderAndExitTwo()
    {
        var result = FeedsConfigLoader.Load(TestData("invalid/typo-missing-url-duplicate-id.json"));
        using var output = new StringWriter();

        var exitCode = ConfigCheckReport.Write(result, "feeds.json", output);

        Assert.Equal(2, exitCode);
        var path = TestData("invalid/typo-missing-url-duplicate-id.json");
        Assert.Equal(
            [
                $"{path}:5:20: unknown key 'titel' in sources[1]; did you mean 'title'?",
                $"{path}:6:5: missing required key 'url' in sources[2]",
                $"{path}:6:13: duplicate source id 'stcn-yw' in sources[2].id; sources[0].id (line 4) already uses it",
                "feeds.json: 3 problems",
            ],
            output.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void AValidFilePrintsASummaryAndExitsZero()
    {
        var result = FeedsConfigLoader.Load(TestData("valid/full.json"));
        using var output = new StringWriter();

        var exitCode = ConfigCheckReport.Write(result, "full.json", output);

        Assert.Equal(0, exitCode);
        Assert.Equal("full.json: ok, 2 sources (1 enabled), 5 categories" + Environment.NewLine, output.ToString());
    }
}
