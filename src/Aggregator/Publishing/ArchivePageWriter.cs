namespace Aggregator.Publishing;

/// <summary>
/// How <see cref="SiteBuilder"/> writes a feed's archive pages as soon as the feed is built: the
/// output folder and the write (returning the pages written, their bytes dropped:
/// <see cref="PublishedFile.AfterWrite"/>). <see cref="SitePublisher"/> gives one.
/// </summary>
internal sealed record ArchivePageWriter(string Root, Func<IReadOnlyList<PublishedFile>, CancellationToken, Task<IReadOnlyList<PublishedFile>>> WriteAsync);
