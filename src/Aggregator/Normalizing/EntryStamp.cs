namespace Aggregator.Normalizing;

/// <summary>
/// The cheap first phase of normalization: who an entry is and what it looked like, from its raw
/// fields, before any sanitizing. The store compares the hash with the one it keeps and tells the
/// normalizer to skip the entries it already has as they are.
/// </summary>
/// <param name="Index">Position of the entry in <c>ParsedFeed.Entries</c>.</param>
/// <param name="EntryKey">The article's key within its source (<see cref="Aggregator.Model.Article.EntryKey"/>).</param>
/// <param name="RawHash">Hash of the raw fields and the source settings that shape the article (<see cref="Aggregator.Model.Article.ContentHash"/>).</param>
/// <param name="Link">The canonical link.</param>
/// <param name="LinkIsOwn">False when the entry has no link of its own and <paramref name="Link"/> is the feed's or the source's.</param>
internal sealed record EntryStamp(int Index, string EntryKey, string RawHash, string Link, bool LinkIsOwn = true);
