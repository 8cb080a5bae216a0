using Aggregator.Model;

namespace Aggregator.Pipeline;

/// <summary>What one poll of one source did, for the run summary, the logs and the exit code.</summary>
internal sealed record PollReport
{
    public required SourceDefinition Source { get; init; }
    public required PollStatus Status { get; init; }
    public IngestResult Ingest { get; init; } = IngestResult.Empty;
    public int Entries { get; init; }
    /// <summary>One sentence naming the stage and the reason, when it did not succeed.</summary>
    public string? Error { get; init; }
    public int? HttpStatus { get; init; }
    public TimeSpan Elapsed { get; init; }

    public bool Succeeded => Status is PollStatus.Ok or PollStatus.NotModified;
}
