using Aggregator.Configuration.Json;
using Aggregator.Model;

namespace Aggregator.Configuration.Validation;

/// <summary>Gives every category used by a source its slug, and checks the slugs are usable and distinct.</summary>
internal static class CategoryResolver
{
    /// <summary>Reads the top-level <c>categories</c> map: <c>{ "金融": { "slug": "finance" } }</c>.</summary>
    public static Dictionary<string, ConfiguredSlug> ReadMap(LocatedValue? map, ValueReader reader)
    {
        var slugs = new Dictionary<string, ConfiguredSlug>(StringComparer.Ordinal);
        if (map is null || !reader.IsObject(map))
            return slugs;
        reader.CheckDuplicateKeys(map);
        foreach (var member in map.Members)
        {
            var entry = member.Value;
            if (!reader.IsObject(entry))
                continue;
            reader.CheckKeys(entry, ConfigKeys.CategoryKeys);
            var slugValue = reader.Required(entry, ConfigKeys.Slug);
            var slug = slugValue is null ? null : reader.NonEmptyString(slugValue);
            if (slugValue is null || slug is null)
                continue;
            if (!CategorySlugs.IsValid(slug))
            {
                reader.Problems.Add(slugValue.Position, $"{slugValue.Path} '{slug}' must be lower-case ASCII letters and digits joined by single hyphens, at most {CategorySlugs.MaxLength} characters");
                continue;
            }
            if (slug == CategorySlugs.Everything)
            {
                reader.Problems.Add(slugValue.Position, $"{slugValue.Path} '{slug}' is reserved for the feed of everything");
                continue;
            }
            slugs.TryAdd(member.Name, new ConfiguredSlug(member.Name, member.NamePosition, slug, slugValue.Position));
        }
        return slugs;
    }

    /// <summary>The categories in first-use order with their slugs; reports clashes and unused map entries.</summary>
    public static List<CategoryDefinition> Resolve(IReadOnlyList<CategoryUse> uses, IReadOnlyDictionary<string, ConfiguredSlug> configured, ProblemList problems)
    {
        var categories = new List<CategoryDefinition>();
        var owners = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var use in uses)
        {
            var isConfigured = configured.TryGetValue(use.Name, out var setting);
            var slug = isConfigured ? setting!.Slug : CategorySlugs.Default(use.Name);
            var at = isConfigured ? setting!.SlugPosition : use.Position;
            if (slug == CategorySlugs.Everything)
            {
                problems.Add(at, $"category '{use.Name}' would get the slug 'all', which is reserved for the feed of everything; give it another slug in categories");
                continue;
            }
            if (owners.TryGetValue(slug, out var owner))
            {
                problems.Add(at, $"category '{use.Name}' gets the slug '{slug}', which category '{owner}' already has; give one of them another slug in categories");
                continue;
            }
            owners.Add(slug, use.Name);
            categories.Add(new CategoryDefinition(use.Name, slug));
        }

        var used = uses.Select(u => u.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var entry in configured.Values.Where(c => !used.Contains(c.Name)))
        {
            var nearest = KeySuggester.Nearest(entry.Name, used);
            var hint = nearest is null ? "" : $"; did you mean '{nearest}'?";
            problems.Add(entry.NamePosition, $"category '{entry.Name}' in categories is not used by any source{hint}");
        }
        return categories;
    }
}
