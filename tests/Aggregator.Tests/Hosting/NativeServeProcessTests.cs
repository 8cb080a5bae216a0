using Aggregator.Tests.Support;
using Xunit.Abstractions;

namespace Aggregator.Tests.Hosting;

/// <summary>
/// Issue 5's process-level scenario against the native build the image ships: Quartz schedules, the
/// feeds.json watcher, Kestrel's endpoints and the store all run on code compiled ahead of time, where
/// anything left to reflection or run-time code generation would fail.
/// </summary>
[Collection(NativeBuildGroup.Name)]
public sealed class NativeServeProcessTests(ITestOutputHelper log)
{
    [Fact]
    public async Task NativeServeAppliesEditsOfFeedsJsonKeepsRunningThroughABrokenOneAndStopsCleanlyOnSigterm()
    {
        if (!OperatingSystem.IsLinux())
            return;
        await ServeProcessTests.RunAsync(log, await NativeBuild.ExecutableAsync());
    }
}
