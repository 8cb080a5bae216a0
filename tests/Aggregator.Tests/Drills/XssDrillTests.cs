using Aggregator.Drills.Xss;
using Xunit.Abstractions;

namespace Aggregator.Tests.Drills;

/// <summary>
/// The CI version of the XSS drill: every vector through run-once; rendered in headless Chromium when
/// it is installed (Debian package `chromium`), else only the publishing part runs and the output says so.
/// </summary>
public sealed class XssDrillTests(ITestOutputHelper output)
{
    [Fact]
    public async Task NoVectorRunsInTheRepublishedEntries()
    {
        var work = Path.Combine(Path.GetTempPath(), "xss-drill-test-" + Guid.NewGuid().ToString("N"));
        try
        {
            var browser = Chromium.Find()
                ?? throw new Xunit.Sdk.XunitException("chromium is not installed: the XSS drill renders the republished HTML in it (apt-get install -y chromium; .ci/run installs it)");
            var result = await XssDrill.RunAsync(work, XssFixtures.LoadVectors(), browser);
            output.WriteLine(result.Summary());
            Assert.True(result.Passed, result.Summary() + "\n" + string.Join("\n", result.Problems));
            Assert.Equal(0, result.Published!.Alerts);
            Assert.True(result.Control!.Alerts > 0, "the control page fired nothing");
        }
        finally
        {
            if (Directory.Exists(work))
                Directory.Delete(work, recursive: true);
        }
    }
}
