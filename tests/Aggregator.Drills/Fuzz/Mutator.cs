namespace Aggregator.Drills.Fuzz;

/// <summary>
/// Input number <c>i</c> of a run with seed <c>S</c> is a pure function of (S, i): its own
/// <see cref="Random"/>, a seed document, then one to three mutations. A failure is replayed from
/// its number alone, whatever the threads did.
/// </summary>
internal sealed class Mutator(IReadOnlyList<byte[]> seeds, int seed)
{
    /// <summary>Weights: the cheap, broad mutations most; the expensive ones (1 MB, ×1000) rarely.</summary>
    private static readonly (string Name, int Weight, Func<byte[], Random, byte[]> Apply)[] Kinds =
    [
        ("byte-flip", 20, Mutations.FlipBytes),
        ("truncate", 15, Mutations.Truncate),
        ("tag-soup", 15, Mutations.TagSoup),
        ("invalid-utf8", 10, Mutations.InvalidUtf8Bytes),
        ("nul", 8, Mutations.NulBytes),
        ("entities", 12, Mutations.EntityTricks),
        ("charset", 10, Mutations.CharsetDeclaration),
        ("deep-nesting", 3, Mutations.DeepNesting),
        ("huge-attribute", 2, Mutations.HugeAttribute),
        ("duplicate-items", 1, Mutations.DuplicateItems),
    ];

    private static readonly int TotalWeight = Kinds.Sum(kind => kind.Weight);

    private static readonly string[] ContentTypes =
    [
        "application/rss+xml", "text/xml; charset=gbk", "application/xml; charset=utf-16", "text/html; charset=bogus",
        "application/atom+xml; charset=\"iso-8859-1\"", "text/plain; charset=", "application/json",
    ];

    public static IEnumerable<string> KindNames => Kinds.Select(kind => kind.Name);

    /// <summary>The bytes of input <paramref name="index"/>, the mutations applied, and an optional HTTP Content-Type.</summary>
    public (byte[] Bytes, string Kinds, string? ContentType) Create(long index)
    {
        // Not HashCode.Combine: it is randomized per process, and replay must rebuild the same bytes.
        var random = new Random(unchecked((int)((uint)seed * 2654435761u) ^ (int)(index * 40503)));
        var bytes = seeds[random.Next(seeds.Count)];
        var applied = new List<string>(3);
        for (var count = random.Next(1, 4); count > 0; count--)
        {
            var pick = random.Next(TotalWeight);
            var kind = Kinds.First(k => (pick -= k.Weight) < 0);
            // One expensive mutation per input is plenty; stacking two multiplies the size.
            if (kind.Weight <= 3 && applied.Exists(name => Kinds.First(k => k.Name == name).Weight <= 3))
                continue;
            bytes = kind.Apply(bytes, random);
            applied.Add(kind.Name);
        }

        var contentType = random.Next(5) == 0 ? ContentTypes[random.Next(ContentTypes.Length)] : null;
        return (bytes, string.Join('+', applied), contentType);
    }
}
