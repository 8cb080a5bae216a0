using System.Text;

namespace Aggregator.Drills.Fuzz;

/// <summary>Byte-level helpers for the mutations: find, insert, replace, pick a position.</summary>
internal static class Bytes
{
    public static byte[] Ascii(string text) => Encoding.UTF8.GetBytes(text);

    public static byte[] Insert(byte[] input, int at, ReadOnlySpan<byte> piece)
    {
        var output = new byte[input.Length + piece.Length];
        input.AsSpan(0, at).CopyTo(output);
        piece.CopyTo(output.AsSpan(at));
        input.AsSpan(at).CopyTo(output.AsSpan(at + piece.Length));
        return output;
    }

    public static byte[] Replace(byte[] input, int start, int length, ReadOnlySpan<byte> piece)
    {
        var output = new byte[input.Length - length + piece.Length];
        input.AsSpan(0, start).CopyTo(output);
        piece.CopyTo(output.AsSpan(start));
        input.AsSpan(start + length).CopyTo(output.AsSpan(start + piece.Length));
        return output;
    }

    public static int IndexOf(byte[] input, string text, int from = 0)
    {
        if (from >= input.Length)
            return -1;
        var found = input.AsSpan(from).IndexOf(Encoding.ASCII.GetBytes(text));
        return found < 0 ? -1 : from + found;
    }

    /// <summary>A position just after a '>' (inside text content) when there is one, else any position.</summary>
    public static int TextPosition(byte[] input, Random random)
    {
        if (input.Length == 0)
            return 0;
        var start = random.Next(input.Length);
        var found = input.AsSpan(start).IndexOf((byte)'>');
        if (found < 0)
            found = input.AsSpan().IndexOf((byte)'>') - start;
        return found + start < 0 ? random.Next(input.Length + 1) : start + found + 1;
    }

    /// <summary>Just after a start tag's name (where an attribute may go), or -1 when there is none.</summary>
    public static int AttributePosition(byte[] input, Random random)
    {
        var from = random.Next(Math.Max(1, input.Length));
        for (var pass = 0; pass < 2; pass++)
        {
            for (var i = pass == 0 ? from : 0; i < input.Length - 1; i++)
            {
                if (input[i] != '<' || !char.IsAsciiLetter((char)input[i + 1]))
                    continue;
                var end = i + 1;
                while (end < input.Length && (char.IsAsciiLetterOrDigit((char)input[end]) || input[end] is (byte)':' or (byte)'-' or (byte)'_'))
                    end++;
                return end;
            }
        }

        return -1;
    }

    /// <summary>The first whole element named <paramref name="name"/> (start to end tag), or null.</summary>
    public static (int Start, int Length)? Element(byte[] input, string name)
    {
        var start = IndexOf(input, "<" + name + ">");
        if (start < 0)
            start = IndexOf(input, "<" + name + " ");
        if (start < 0)
            return null;
        var close = "</" + name + ">";
        var end = IndexOf(input, close, start);
        return end < 0 ? null : (start, end + close.Length - start);
    }
}
