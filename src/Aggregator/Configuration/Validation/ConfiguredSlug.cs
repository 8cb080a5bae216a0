using Aggregator.Configuration.Json;

namespace Aggregator.Configuration.Validation;

/// <summary>A slug the admin set in the top-level <c>categories</c> map, with where it was written.</summary>
internal sealed record ConfiguredSlug(string Name, TextPosition NamePosition, string Slug, TextPosition SlugPosition);
