using System.Text.RegularExpressions;

namespace Aggregator.Parsing.Xml;

/// <summary>
/// Reads the harmless part of a DOCTYPE's internal subset: general entities whose value is plain
/// text. Anything that could expand (values with references), reach out (SYSTEM/PUBLIC) or be a
/// parameter entity is ignored, so neither XXE nor a billion laughs can happen.
/// </summary>
internal static partial class DoctypeEntities
{
    private const int MaxEntities = 64;
    private const int MaxValueLength = 1024;

    public static Dictionary<string, string>? Read(ReadOnlySpan<char> internalSubset)
    {
        Dictionary<string, string>? entities = null;
        foreach (var match in EntityDeclaration().EnumerateMatches(internalSubset))
        {
            var declaration = internalSubset.Slice(match.Index, match.Length).ToString();
            var parsed = EntityDeclaration().Match(declaration);
            var value = parsed.Groups[2].Success ? parsed.Groups[2].Value : parsed.Groups[3].Value;
            if (value.Length > MaxValueLength || value.AsSpan().IndexOfAny('&', '%', '<') >= 0)
            {
                continue;
            }

            entities ??= new Dictionary<string, string>(StringComparer.Ordinal);
            if (entities.Count >= MaxEntities)
            {
                break;
            }

            entities.TryAdd(parsed.Groups[1].Value, value);
        }

        return entities;
    }

    [GeneratedRegex("""<!ENTITY\s+([A-Za-z_][\w.\-]*)\s+(?:"([^"]*)"|'([^']*)')\s*>""")]
    private static partial Regex EntityDeclaration();
}
