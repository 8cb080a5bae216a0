namespace Aggregator.Storage;

/// <summary>One article as a story index holds it: what the level-3 prefilter needs before the title key is read.</summary>
internal readonly record struct StoryIndexEntry(long Seq, long Published, long Fingerprint);
