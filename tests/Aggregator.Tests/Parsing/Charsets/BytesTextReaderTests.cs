using System.Text;
using Aggregator.Parsing.Charsets;

namespace Aggregator.Tests.Parsing.Charsets;

public sealed class BytesTextReaderTests
{
    private const string Text = "<t>证券时报 a\u00e9b 😀x 𝔘 中</t>";

    static BytesTextReaderTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private static readonly Encoding StrictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(7)]
    [InlineData(4096)]
    public void ReadsInAnyBufferSizeGiveTheWholeTextIncludingSurrogatePairs(int bufferSize)
    {
        var reader = new BytesTextReader(StrictUtf8.GetBytes(Text), StrictUtf8);
        var read = new StringBuilder();
        var buffer = new char[bufferSize];
        int n;
        while ((n = reader.Read(buffer, 0, buffer.Length)) > 0)
            read.Append(buffer, 0, n);

        Assert.Equal(Text, read.ToString());
    }

    [Fact]
    public void PeekAndSingleCharReadsWalkTheSameText()
    {
        var reader = new BytesTextReader(StrictUtf8.GetBytes(Text), StrictUtf8);
        var read = new StringBuilder();
        while (reader.Peek() is var next and >= 0)
        {
            Assert.Equal(next, reader.Read());
            read.Append((char)next);
        }

        Assert.Equal(-1, reader.Read());
        Assert.Equal(Text, read.ToString());
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(4096)]
    public void OtherCharsetsDecodeAsTheirEncodingDoesInAnyBufferSize(int bufferSize)
    {
        const string text = "朱镕基 王堃 证券时报 😀 €";
        var gb18030 = Encoding.GetEncoding("GB18030");
        var reader = new BytesTextReader(gb18030.GetBytes(text), gb18030);
        var read = new StringBuilder();
        var buffer = new char[bufferSize];
        int n;
        while ((n = reader.Read(buffer, 0, buffer.Length)) > 0)
            read.Append(buffer, 0, n);

        Assert.Equal(text, read.ToString());
    }

    [Fact]
    public void InvalidBytesThrowFromAThrowingEncodingAndAreReplacedByAReplacingOne()
    {
        byte[] bytes = [(byte)'a', 0xFF, (byte)'b'];

        Assert.Throws<DecoderFallbackException>(() => new BytesTextReader(bytes, StrictUtf8).ReadToEnd());
        Assert.Equal("a\ufffdb", new BytesTextReader(bytes, new UTF8Encoding(false, false)).ReadToEnd());
    }

    [Fact]
    public void ASequenceCutOffAtTheEndIsAnErrorAsStreamReaderMakesIt()
    {
        byte[] bytes = [(byte)'a', 0xE4, 0xB8];
        var replacing = new UTF8Encoding(false, false);
        using var streamReader = new StreamReader(new MemoryStream(bytes), replacing, detectEncodingFromByteOrderMarks: false);

        Assert.Throws<DecoderFallbackException>(() => new BytesTextReader(bytes, StrictUtf8).ReadToEnd());
        Assert.Equal(streamReader.ReadToEnd(), new BytesTextReader(bytes, replacing).ReadToEnd());
    }
}
