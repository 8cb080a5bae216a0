namespace Aggregator.Http;

/// <summary>What a request asked for, as the <c>path_kind</c> label of the request counter (a small fixed set, never the raw path).</summary>
internal enum PathKind
{
    Feed,
    Page,
    Index,
    Opml,
    Health,
    Metrics,
    Unknown,
}
