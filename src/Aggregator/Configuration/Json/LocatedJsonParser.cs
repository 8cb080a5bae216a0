using System.Text;
using System.Text.Json;
using System.Text.Unicode;

namespace Aggregator.Configuration.Json;

/// <summary>
/// Reads UTF-8 JSON (comments and trailing commas allowed, as editors of feeds.json expect) into a
/// tree of <see cref="LocatedValue"/>s. Utf8JsonReader is used directly because it exposes each
/// token's byte offset, which JsonDocument does not.
/// </summary>
internal static class LocatedJsonParser
{
    private static readonly JsonReaderOptions Options = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        MaxDepth = 64,
    };

    private static readonly JsonSyntaxError Empty = new(new TextPosition(1, 1), "the file is empty; expected a JSON object");

    /// <summary>Parses <paramref name="utf8"/> (without BOM); returns the root or the syntax error.</summary>
    public static LocatedValue? Parse(byte[] utf8, LineMap map, out JsonSyntaxError? error)
    {
        error = null;
        var invalidAt = FirstInvalidUtf8(utf8);
        if (invalidAt >= 0)
        {
            error = new JsonSyntaxError(map.At(invalidAt), $"the file is not valid UTF-8 (byte 0x{utf8[invalidAt]:X2}); save it as UTF-8");
            return null;
        }

        var reader = new Utf8JsonReader(utf8, Options);
        var started = false;
        try
        {
            if (!reader.Read())
            {
                error = Empty;
                return null;
            }
            started = true;
            var root = ReadValue(ref reader, map, "");
            // A second Read either finds nothing or throws for text after the root value.
            reader.Read();
            return root;
        }
        catch (JsonException ex)
        {
            var offset = map.OffsetOf(ex.LineNumber ?? 0, ex.BytePositionInLine ?? 0);
            // Only white space or comments: "end of data" at the last line says less than "empty".
            if (!started && offset >= utf8.Length)
            {
                error = Empty;
                return null;
            }
            error = new JsonSyntaxError(map.At(offset), "JSON syntax error: " + WithoutPosition(ex.Message));
            return null;
        }
    }

    private static LocatedValue ReadValue(ref Utf8JsonReader reader, LineMap map, string path)
    {
        var position = map.At(reader.TokenStartIndex);
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                return ReadObject(ref reader, map, path, position);
            case JsonTokenType.StartArray:
                return ReadArray(ref reader, map, path, position);
            case JsonTokenType.String:
                return new LocatedValue { Kind = JsonKind.String, Position = position, Path = path, Text = reader.GetString() };
            case JsonTokenType.Number:
                // Number tokens are never escaped, so the raw span is the literal as written.
                return new LocatedValue { Kind = JsonKind.Number, Position = position, Path = path, Text = Encoding.UTF8.GetString(reader.ValueSpan) };
            case JsonTokenType.True:
            case JsonTokenType.False:
                return new LocatedValue { Kind = JsonKind.Boolean, Position = position, Path = path, Boolean = reader.TokenType == JsonTokenType.True };
            default:
                return new LocatedValue { Kind = JsonKind.Null, Position = position, Path = path };
        }
    }

    private static LocatedValue ReadObject(ref Utf8JsonReader reader, LineMap map, string path, TextPosition position)
    {
        var members = new List<LocatedMember>();
        var self = new LocatedValue { Kind = JsonKind.Object, Position = position, Path = path, Members = members };
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var name = reader.GetString() ?? "";
            var namePosition = map.At(reader.TokenStartIndex);
            reader.Read();
            members.Add(new LocatedMember(name, namePosition, ReadValue(ref reader, map, self.ChildPath(name))));
        }
        return self;
    }

    private static LocatedValue ReadArray(ref Utf8JsonReader reader, LineMap map, string path, TextPosition position)
    {
        var items = new List<LocatedValue>();
        var self = new LocatedValue { Kind = JsonKind.Array, Position = position, Path = path, Items = items };
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            items.Add(ReadValue(ref reader, map, self.ItemPath(items.Count)));
        return self;
    }

    private static string WithoutPosition(string message)
    {
        // The reader appends "LineNumber: n | BytePositionInLine: m." which our own position replaces.
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return (cut < 0 ? message : message[..cut]).TrimEnd();
    }

    private static int FirstInvalidUtf8(byte[] utf8)
    {
        if (Utf8.IsValid(utf8))
            return -1;
        var offset = 0;
        while (offset < utf8.Length)
        {
            if (System.Text.Rune.DecodeFromUtf8(utf8.AsSpan(offset), out _, out var consumed) != System.Buffers.OperationStatus.Done)
                return offset;
            offset += consumed;
        }
        return -1;
    }
}
