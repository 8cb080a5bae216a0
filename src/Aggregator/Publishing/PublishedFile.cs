using System.Security.Cryptography;

namespace Aggregator.Publishing;

/// <summary>One published document: the exact bytes that go on disk and over HTTP.</summary>
/// <param name="Path">Relative path with forward slashes, e.g. <c>feeds/all.atom</c>.</param>
/// <param name="Content">The bytes (UTF-8, no BOM); empty once <see cref="Written"/> is set.</param>
/// <param name="ContentType">The HTTP Content-Type, charset included.</param>
/// <param name="LastModified">
/// The newest data time the content derives from, or null when it derives from no dated data
/// (a server then uses the time it first saw these bytes). Never the wall clock.
/// </param>
internal sealed record PublishedFile(string Path, byte[] Content, string ContentType, DateTimeOffset? LastModified)
{
    /// <summary>
    /// Set when the file was already written while the site was built (an archive page of a cold
    /// publish, <see cref="SiteBuilder"/>): its bytes left memory then, and this is what remains of them.
    /// </summary>
    public WrittenContent? Written { get; init; }

    /// <summary>The length of the bytes, whether still in memory or already written.</summary>
    public int Length => Written?.Length ?? Content.Length;

    /// <summary>The hash that names these bytes (the ETag's), whether still in memory or already written.</summary>
    /// <exception cref="InvalidOperationException">The bytes were written and dropped without their hash.</exception>
    public string Hash => Written is { } written
        ? written.Hash ?? throw new InvalidOperationException($"publish: the hash of '{Path}' was not kept when its bytes were written.")
        : HashOf(Content);

    /// <summary>The first 16 bytes of the SHA-256 of <paramref name="content"/>, lower-case hex.</summary>
    public static string HashOf(ReadOnlySpan<byte> content) => Convert.ToHexStringLower(SHA256.HashData(content).AsSpan(0, 16));

    /// <summary>
    /// This file after its bytes were written to disk: the bytes dropped, their length kept, and their
    /// hash when <paramref name="keepHash"/> (HTTP names files by it; a publish to disk alone needs none).
    /// </summary>
    public PublishedFile AfterWrite(bool changed, bool keepHash) =>
        this with { Content = [], Written = new WrittenContent(Content.Length, keepHash ? HashOf(Content) : null, changed) };
}
