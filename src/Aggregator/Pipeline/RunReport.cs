using Aggregator.Publishing;

namespace Aggregator.Pipeline;

/// <summary>One run over many sources: each poll, then the publish that followed.</summary>
internal sealed record RunReport(IReadOnlyList<PollReport> Polls, PublishReport? Publish, TimeSpan Elapsed)
{
    public bool AllSucceeded => Polls.All(poll => poll.Succeeded);
}
