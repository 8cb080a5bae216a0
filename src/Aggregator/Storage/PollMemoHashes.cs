using System.Buffers.Binary;
using System.IO.Hashing;
using System.Runtime.InteropServices;

namespace Aggregator.Storage;

/// <summary>
/// One source's copy in the <see cref="PollMemo"/>: what the database answered for the entry keys its
/// last poll asked about, compact — each key as a 64-bit XxHash3 of its text, each stored hash (32 hex
/// characters, XxHash128) as its 128-bit value.
/// </summary>
/// <remarks>
/// A collision of two keys' 64-bit hashes can only make an answer wrong in a way that costs work, never
/// an article: an entry is skipped as unchanged only when its own 128-bit content hash equals the one
/// answered, so a wrong key match gives "changed" (the entry is normalized and the store, which compares
/// the real key, says what it is) or "not stored" (the same). A collision among one poll's own keys is
/// not kept at all. Hashes in any other form (SHA-256 from older stores) are not kept either: those
/// sources are answered by the database, as before the memo.
/// </remarks>
internal sealed class PollMemoHashes
{
    private readonly Dictionary<ulong, UInt128> stored;
    private readonly HashSet<ulong> absent;

    private PollMemoHashes(int capacity)
    {
        stored = new Dictionary<ulong, UInt128>(capacity);
        absent = [];
    }

    /// <summary>Keys held (stored or known not to be).</summary>
    public int Count => stored.Count + absent.Count;

    /// <summary>The copy of one answer; null when it cannot be kept (a hash in another form, a key collision).</summary>
    public static PollMemoHashes? From(IReadOnlyCollection<string> entryKeys, IReadOnlyDictionary<string, string> known)
    {
        var hashes = new PollMemoHashes(known.Count);
        foreach (var key in entryKeys)
        {
            var id = KeyId(key);
            if (known.TryGetValue(key, out var text))
            {
                if (!TryParse(text, out var value) || hashes.absent.Contains(id))
                    return null;
                if (hashes.stored.TryGetValue(id, out var earlier))
                {
                    if (earlier != value)
                        return null;
                }
                else
                {
                    hashes.stored[id] = value;
                }
            }
            else
            {
                if (hashes.stored.ContainsKey(id))
                    return null;
                hashes.absent.Add(id);
            }
        }

        return hashes;
    }

    /// <summary>The stored hashes of <paramref name="entryKeys"/> when every key is held; null otherwise.</summary>
    public Dictionary<string, string>? Answer(IReadOnlyCollection<string> entryKeys)
    {
        var known = new Dictionary<string, string>(entryKeys.Count, StringComparer.Ordinal);
        foreach (var key in entryKeys)
        {
            var id = KeyId(key);
            if (stored.TryGetValue(id, out var value))
                known[key] = Format(value);
            else if (!absent.Contains(id))
                return null;
        }

        return known;
    }

    private static ulong KeyId(string key) => XxHash3.HashToUInt64(MemoryMarshal.AsBytes(key.AsSpan()));

    /// <summary>Exactly 32 lower-case hex digits (what <see cref="Format"/> gives back character for character).</summary>
    private static bool TryParse(string text, out UInt128 value)
    {
        value = default;
        if (text.Length != 32)
            return false;
        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c) && c is not (>= 'a' and <= 'f'))
                return false;
        }

        Span<byte> bytes = stackalloc byte[16];
        Convert.FromHexString(text, bytes, out _, out _);
        value = BinaryPrimitives.ReadUInt128BigEndian(bytes);
        return true;
    }

    private static string Format(UInt128 value)
    {
        Span<byte> bytes = stackalloc byte[16];
        BinaryPrimitives.WriteUInt128BigEndian(bytes, value);
        return Convert.ToHexStringLower(bytes);
    }
}
