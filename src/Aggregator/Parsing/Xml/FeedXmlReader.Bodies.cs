using System.Buffers;
using System.Xml;

namespace Aggregator.Parsing.Xml;

/// <summary>
/// Reading the elements that become an entry's body (content, description, summary). Normally the
/// same as <see cref="ReadText"/>; in scan mode (<see cref="DigestBodies"/>) the body's text is
/// streamed through <see cref="BodyDigest"/> in chunks and only its token comes back: a re-poll
/// identifies entries without making a string of every body.
/// </summary>
internal sealed partial class FeedXmlReader
{
    private const int ChunkSize = 4096;

    /// <summary>Scan mode: bodies come back as <see cref="BodyDigest"/> tokens.</summary>
    public bool DigestBodies { get; }

    /// <summary><see cref="ReadText"/> for a body; in scan mode the token of exactly the text it would return.</summary>
    public string ReadBody() => DigestBodies ? DigestText() : ReadText();

    /// <summary><see cref="ReadInnerMarkup"/> for a body; in scan mode its token (xhtml bodies are rare: made, then digested).</summary>
    public string ReadBodyMarkup(bool unwrapDiv) =>
        DigestBodies ? BodyDigest.Of(ReadInnerMarkup(unwrapDiv)) : ReadInnerMarkup(unwrapDiv);

    /// <summary>
    /// <see cref="ReadText"/>'s walk, node for node: the direct text children in order, each child
    /// element written out as markup. Text nodes go to the digest in chunks; markup (rare) is made first.
    /// </summary>
    private string DigestText()
    {
        LastTextHadElements = false;
        var digest = BodyDigest.Start();
        if (_reader.IsEmptyElement)
        {
            return digest.Finish();
        }

        var depth = _reader.Depth;
        var chunk = ArrayPool<char>.Shared.Rent(ChunkSize);
        try
        {
            while (Read())
            {
                var type = _reader.NodeType;
                if (type == XmlNodeType.EndElement && _reader.Depth == depth)
                {
                    break;
                }

                if (IsText(type))
                {
                    AppendValue(digest, chunk);
                }
                else if (type == XmlNodeType.Element)
                {
                    LastTextHadElements = true;
                    var sb = (_scratch ??= new System.Text.StringBuilder(1024)).Clear();
                    MarkupWriter.WriteElement(this, sb);
                    foreach (var part in sb.GetChunks())
                    {
                        digest.Append(part.Span);
                    }
                }
            }
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chunk);
        }

        return digest.Finish();
    }

    private void AppendValue(BodyDigest digest, char[] chunk)
    {
        if (!_reader.CanReadValueChunk)
        {
            digest.Append(_reader.Value);
            return;
        }

        int read;
        while ((read = _reader.ReadValueChunk(chunk, 0, chunk.Length)) > 0)
        {
            digest.Append(chunk.AsSpan(0, read));
        }
    }
}
