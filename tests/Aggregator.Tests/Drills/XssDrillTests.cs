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
            var browser = Chromium.Find();
            if (browser is null)
                output.WriteLine("chromium is missing (apt-get install -y chromium): the browser part of the XSS drill is skipped.");
            var result = await XssDrill.RunAsync(work, XssFixtures.LoadVectors(), browser);
            output.WriteLine(result.Summary());
            Assert.True(result.Passed, result.Summary() + "\n" + string.Join("\n", result.Problems));
            if (browser is not null)
            {
                Assert.Equal(0, result.Published!.Alerts);
                Assert.True(result.Control!.Alerts > 0, "the control page fired nothing");
            }
        }
        finally
        {
            if (Directory.Exists(work))
                Directory.Delete(work, recursive: true);
        }
    }
}
