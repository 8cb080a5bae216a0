using Aggregator.Storage;

namespace Aggregator.Publishing.Atom;

/// <summary>One entry on its way onto a page: the store's key, its atom:updated, and its rendered bytes.</summary>
internal readonly record struct PageEntry(LatestArticleKey Key, DateTimeOffset Updated, ReadOnlyMemory<byte> Fragment);
