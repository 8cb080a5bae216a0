using System.IO.Hashing;
using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace Aggregator.Normalizing;

/// <summary>
/// The bytes <see cref="RawHash"/> hashes: each value as its length (Int32, little-endian; -1 for null,
/// so null differs from empty) then its UTF-16 code units, so ("ab", "c") and ("a", "bc") differ. Short
/// values gather in a buffer; long ones (bodies) go to the hash straight from the string, never copied.
/// The digest is that of the whole sequence, the same as hashing it field by field; 128 bits of it
/// come out as hex. The framing is shared by the XxHash128 hash and the legacy SHA-256 one.
/// </summary>
internal sealed class RawHashWriter
{
    /// <summary>Values longer than this many bytes are hashed in place rather than copied.</summary>
    private const int CopyLimit = 512;

    private readonly XxHash128? xx;
    private readonly IncrementalHash? sha256;
    private readonly byte[] buffer = new byte[4096];
    private int length;
    private bool started;

    /// <summary>Whether bytes went to the hash since the last digest (else they are all in <see cref="buffer"/>).</summary>
    private bool appended;

    private RawHashWriter(XxHash128? xx, IncrementalHash? sha256)
    {
        this.xx = xx;
        this.sha256 = sha256;
    }

    public static RawHashWriter XxHash128() => new(new XxHash128(), null);

    /// <summary>Only for hashes stored before the switch to XxHash128.</summary>
    public static RawHashWriter Sha256() => new(null, IncrementalHash.CreateHash(HashAlgorithmName.SHA256));

    /// <summary>Begins an entry; what a call that threw half-way left behind is thrown away.</summary>
    public void Start()
    {
        if (started)
        {
            Span<byte> discard = stackalloc byte[32];
            Digest(discard);
        }

        length = 0;
        started = true;
    }

    public void AddAll(IReadOnlyList<string> values)
    {
        Span<char> count = stackalloc char[11];
        values.Count.TryFormat(count, out var written, provider: System.Globalization.CultureInfo.InvariantCulture);
        Add(count[..written], written);
        // Indexed, not foreach: over the interface, foreach boxed an enumerator per call.
        for (var i = 0; i < values.Count; i++)
            Add(values[i]);
    }

    public void Add(string? value) => Add(value.AsSpan(), value?.Length ?? -1);

    public string Finish()
    {
        Span<byte> digest = stackalloc byte[32];
        if (xx is not null && !appended)
        {
            // Everything is still in the buffer (always so for a scanned entry, whose bodies are tokens):
            // one-shot XxHash128 of the same bytes, the same value as streaming them, without the copies.
            System.IO.Hashing.XxHash128.Hash(buffer.AsSpan(0, length), digest);
            length = 0;
        }
        else
        {
            Flush();
            Digest(digest);
        }

        started = false;
        return Convert.ToHexStringLower(digest[..16]);
    }

    private void Add(ReadOnlySpan<char> value, int prefix)
    {
        var bytes = MemoryMarshal.AsBytes(value);
        if (buffer.Length - length < 4 + Math.Min(bytes.Length, CopyLimit))
            Flush();
        BitConverter.TryWriteBytes(buffer.AsSpan(length, 4), prefix);
        length += 4;
        if (bytes.Length <= CopyLimit)
        {
            bytes.CopyTo(buffer.AsSpan(length));
            length += bytes.Length;
            return;
        }

        Flush();
        Append(bytes);
    }

    private void Flush()
    {
        if (length == 0)
            return;
        Append(buffer.AsSpan(0, length));
        length = 0;
    }

    private void Append(ReadOnlySpan<byte> bytes)
    {
        appended = true;
        if (xx is not null)
            xx.Append(bytes);
        else
            sha256!.AppendData(bytes);
    }

    /// <summary>Writes the digest (16 bytes for XxHash128, 32 for SHA-256) and resets for the next entry.</summary>
    private void Digest(Span<byte> into)
    {
        appended = false;
        if (xx is not null)
            xx.GetHashAndReset(into[..16]);
        else
            sha256!.TryGetHashAndReset(into, out _);
    }
}
