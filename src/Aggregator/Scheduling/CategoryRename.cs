namespace Aggregator.Scheduling;

/// <summary>A category feed that kept its slug (its URL) but now has another name.</summary>
internal sealed record CategoryRename(string Slug, string OldName, string NewName);
