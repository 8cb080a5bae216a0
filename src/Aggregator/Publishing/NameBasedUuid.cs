using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;

namespace Aggregator.Publishing;

/// <summary>RFC 4122 §4.3 name-based UUIDs, version 5 (SHA-1): the same name always gives the same id.</summary>
internal static class NameBasedUuid
{
    /// <summary>
    /// The namespace of Aggregator's entry ids. Fixed forever: changing it would make every entry
    /// reappear as new in every reader.
    /// </summary>
    public static readonly Guid EntryNamespace = new("1f5d9d64-fc23-46b5-9937-fc7af9ed5958");

    /// <summary>The <c>urn:uuid:</c> atom:id of a stored article, derived from its store id only.</summary>
    public static string EntryUrn(string articleId) => "urn:uuid:" + Create(EntryNamespace, articleId).ToString("D");

    /// <summary>UUID v5 of <paramref name="name"/> (UTF-8) in <paramref name="namespaceId"/>.</summary>
    [SuppressMessage("Security", "CA5350", Justification = "RFC 4122 defines version 5 over SHA-1; the hash names an entry, it protects nothing.")]
    public static Guid Create(Guid namespaceId, string name)
    {
        var nameBytes = Encoding.UTF8.GetBytes(name);
        var buffer = new byte[16 + nameBytes.Length];
        namespaceId.TryWriteBytes(buffer, bigEndian: true, out _);
        nameBytes.CopyTo(buffer, 16);
        Span<byte> hash = stackalloc byte[20];
        SHA1.HashData(buffer, hash);
        var uuid = hash[..16];
        uuid[6] = (byte)((uuid[6] & 0x0F) | 0x50);
        uuid[8] = (byte)((uuid[8] & 0x3F) | 0x80);
        return new Guid(uuid, bigEndian: true);
    }
}
