using Aggregator.Publishing;

namespace Aggregator.Pipeline;

/// <summary>One run over many sources: each poll, then the publish that followed.</summary>
/// <param name="RowsWritten">Store rows this run inserted, updated or deleted (health records included).</param>
internal sealed record RunReport(IReadOnlyList<PollReport> Polls, PublishReport? Publish, TimeSpan Elapsed, long RowsWritten)
{
    public bool AllSucceeded => Polls.All(poll => poll.Succeeded);
}
