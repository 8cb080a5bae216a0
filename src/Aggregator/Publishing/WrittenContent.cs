namespace Aggregator.Publishing;

/// <summary>What a <see cref="PublishedFile"/> written during the build keeps of its bytes.</summary>
/// <param name="Length">Their length.</param>
/// <param name="Hash">Their <see cref="PublishedFile.HashOf"/>, when it was asked for.</param>
/// <param name="Changed">Whether the write replaced the file on disk (false: it already held these bytes).</param>
internal sealed record WrittenContent(int Length, string? Hash, bool Changed);
