using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace Aggregator.Normalizing.Html;

/// <summary>
/// What <see cref="BodySanitizer"/> made of each body it saw, keyed by the SHA-256 of the HTML and the
/// base URL: a body that comes again (the same story in several feeds under another link or guid) is
/// sanitized once. The result is whatever AngleSharp and HtmlSanitizer gave the first time; nothing here
/// looks at the HTML. Thread-safe; stops remembering at <see cref="Capacity"/> bodies, so its memory is
/// bounded (results only: the HTML itself is not kept).
/// </summary>
internal sealed class BodyMemo(int capacity)
{
    private readonly ConcurrentDictionary<Key, SanitizedBody> bodies = new();

    public int Capacity { get; } = capacity;

    public int Count => bodies.Count;

    public static Key KeyOf(string html, Uri? baseUri)
    {
        Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(MemoryMarshal.AsBytes(html.AsSpan()), digest);
        var words = MemoryMarshal.Cast<byte, UInt128>(digest);
        return new Key(words[0], words[1], baseUri?.AbsoluteUri);
    }

    public bool TryGet(Key key, out SanitizedBody body) => bodies.TryGetValue(key, out body!);

    public void Remember(Key key, SanitizedBody body)
    {
        if (bodies.Count < Capacity)
            bodies.TryAdd(key, body);
    }

    /// <summary>A body's identity: the whole digest (256 bits) of its UTF-16 text, and the URL its relative links resolve against.</summary>
    internal readonly record struct Key(UInt128 High, UInt128 Low, string? BaseUrl);
}
