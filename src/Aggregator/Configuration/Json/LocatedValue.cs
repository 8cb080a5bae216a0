namespace Aggregator.Configuration.Json;

/// <summary>
/// A JSON value that remembers where it was written and its path from the root
/// (<c>sources[2].url</c>), so every problem can name both.
/// </summary>
internal sealed class LocatedValue
{
    public required JsonKind Kind { get; init; }
    public required TextPosition Position { get; init; }
    /// <summary>Path from the root such as <c>sources[2].url</c>; empty for the root itself.</summary>
    public required string Path { get; init; }
    /// <summary>The string's value, or a number's literal text as written.</summary>
    public string? Text { get; init; }
    public bool Boolean { get; init; }
    /// <summary>Properties in written order, duplicates included (the validator reports them).</summary>
    public IReadOnlyList<LocatedMember> Members { get; init; } = [];
    public IReadOnlyList<LocatedValue> Items { get; init; } = [];

    /// <summary>How messages name this value: its path, or "the top level" for the root.</summary>
    public string DisplayPath => Path.Length == 0 ? "the top level" : Path;

    /// <summary>The first property with this exact (case-sensitive) name, if any.</summary>
    public LocatedMember? Member(string name)
    {
        foreach (var member in Members)
        {
            if (string.Equals(member.Name, name, StringComparison.Ordinal))
                return member;
        }
        return null;
    }

    /// <summary>The path of a property of this object, <c>a.b</c> or <c>a["中文"]</c>.</summary>
    public string ChildPath(string name)
    {
        var simple = name.Length > 0 && !char.IsAsciiDigit(name[0]) && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '$');
        if (!simple)
            return $"{Path}[\"{name}\"]";
        return Path.Length == 0 ? name : $"{Path}.{name}";
    }

    /// <summary>The path of an item of this array, <c>a[3]</c>.</summary>
    public string ItemPath(int index) => $"{Path}[{index}]";
}
