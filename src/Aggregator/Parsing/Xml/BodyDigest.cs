using System.Buffers.Binary;
using System.IO.Hashing;
using System.Runtime.InteropServices;

namespace Aggregator.Parsing.Xml;

/// <summary>
/// What a scan puts where a body would be: a short token naming the body's text by its XxHash128
/// (over its UTF-16 code units), so a changed body changes the token and an unchanged one keeps it,
/// without the body ever becoming a string. Fed in pieces or whole, the same text gives the same token.
/// A non-cryptographic hash is enough: it tells versions of one source's entry apart, and only the
/// feed's own author could make two versions collide.
/// </summary>
internal sealed class BodyDigest
{
    /// <summary>No body text starts with this (a control character XML cannot carry), so a token is never mistaken for text.</summary>
    public const string Prefix = "\u0001body:";

    /// <summary>One per thread, reused: a scan digests two bodies per entry.</summary>
    [ThreadStatic]
    private static BodyDigest? current;

    private readonly XxHash128 hash = new();

    /// <summary>The thread's digest, reset for a new body.</summary>
    public static BodyDigest Start()
    {
        var digest = current ??= new BodyDigest();
        digest.hash.Reset();
        return digest;
    }

    /// <summary>The token of a body already in hand.</summary>
    public static string Of(string text)
    {
        var digest = Start();
        digest.Append(text);
        return digest.Finish();
    }

    public void Append(ReadOnlySpan<char> text) => hash.Append(MemoryMarshal.AsBytes(text));

    public string Finish()
    {
        var value = hash.GetCurrentHashAsUInt128();
        hash.Reset();
        // One string, the prefix and the hex written straight into it (Concat of the hex made two per body).
        return string.Create(Prefix.Length + 32, value, static (token, value) =>
        {
            Span<byte> bytes = stackalloc byte[16];
            BinaryPrimitives.WriteUInt128BigEndian(bytes, value);
            Prefix.CopyTo(token);
            Convert.TryToHexStringLower(bytes, token[Prefix.Length..], out _);
        });
    }
}
