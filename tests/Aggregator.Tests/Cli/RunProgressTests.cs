using Aggregator.Cli;
using Aggregator.Model;
using Aggregator.Pipeline;

namespace Aggregator.Tests.Cli;

public sealed class RunProgressTests
{
    [Fact]
    public void WithoutATerminalEachFinishedSourceIsOnePlainLine()
    {
        using var error = new StringWriter();
        var progress = new RunProgress(error, total: 2, live: false);

        progress.Report(Poll("a", PollStatus.Ok));
        progress.Report(Poll("b", PollStatus.Failed));

        Assert.Equal(["[1/2] a ok 0.0 s", "[2/2] b failed 0.0 s"], error.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void OnATerminalOneLineIsRedrawnAndEndsWhenAllAreDone()
    {
        using var error = new StringWriter();
        var progress = new RunProgress(error, total: 2, live: true);

        progress.Report(Poll("a", PollStatus.Failed));
        progress.Report(Poll("b", PollStatus.NotModified));

        var text = error.ToString();
        Assert.Equal(2, text.Split('\r').Length - 1);
        Assert.EndsWith("[2/2] 1 failed · last: b notmodified" + Environment.NewLine, text, StringComparison.Ordinal);
    }

    private static PollReport Poll(string id, PollStatus status) => new()
    {
        Source = new SourceDefinition { Id = id, Title = id, Url = new Uri("http://127.0.0.1/" + id), Categories = [], Schedule = "0 * * * * ?" },
        Status = status,
    };
}
