using System.Runtime.CompilerServices;

namespace Aggregator.Normalizing.Identity;

/// <summary>
/// FNV-1a to absorb characters, then the MurmurHash3/SplitMix64 finaliser so that every output bit
/// depends on every input bit (plain FNV-1a leaves the high bits of short inputs poorly mixed, which
/// biases a SimHash). System.IO.Hashing's XxHash64 would do as well but is not referenced here.
/// </summary>
internal static class Hashing
{
    public const ulong Seed = 14695981039346656037UL;

    // Inlined by force: called per character and per shingle, and the JIT's budget for SimHash's larger loops
    // otherwise left these as calls (perf showed Mix alone at ~4% of a parse).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Add(ulong hash, char c) => (hash ^ c) * 1099511628211UL;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Mix(ulong x)
    {
        x ^= x >> 33;
        x *= 0xFF51AFD7ED558CCDUL;
        x ^= x >> 33;
        x *= 0xC4CEB9FE1A85EC53UL;
        x ^= x >> 33;
        return x;
    }
}
