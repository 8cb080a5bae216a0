namespace Aggregator.Normalizing.Identity;

/// <summary>
/// Removes what a source adds around a story: leading 【…】/[…]/「…」/(…) labels, source names with
/// their date and 讯/电 markers, datelines ("NEW YORK, May 13 (Reuters) - "), column labels
/// ("快讯：", "UPDATE 2-"), and trailing bylines, editor lines and " - Bloomberg" suffixes.
/// Works on spans of NFKC-folded text with plain loops (no regular expressions, no allocation).
/// </summary>
internal static class StoryText
{
    /// <summary>A leading bracketed label longer than this is content, not a label.</summary>
    private const int MaxLabelLength = 40;
    /// <summary>A dateline ends within this many characters of the start.</summary>
    private const int MaxDatelineLength = 80;
    /// <summary>A trailing byline, editor line or parenthetical is at most this long.</summary>
    private const int MaxTrailerLength = 90;
    /// <summary>A trailing parenthetical of a title up to this length is a label ("(图)", "(update)") and goes.</summary>
    private const int MaxTitleParentheticalLength = 16;
    private const int MaxPasses = 8;

    /// <summary>The story itself, without the prefixes and trailers its source wrapped it in.</summary>
    public static ReadOnlySpan<char> Core(ReadOnlySpan<char> text, string? sourceTitle, bool isTitle)
    {
        sourceTitle = string.IsNullOrWhiteSpace(sourceTitle) ? null : TextFolding.Fold(sourceTitle.Trim()).ToLowerInvariant();
        for (var pass = 0; pass < MaxPasses; pass++)
        {
            var before = text.Length;
            text = StripPrefix(text, sourceTitle);
            text = StripSuffix(text, sourceTitle, isTitle);
            if (text.Length == before)
                break;
        }

        return text;
    }

    private static ReadOnlySpan<char> StripPrefix(ReadOnlySpan<char> text, string? sourceTitle)
    {
        text = SpanText.TrimStartSeparators(text);
        if (text.IsEmpty)
            return text;

        var close = SpanText.ClosingFor(text[0]);
        if (close != '\0')
        {
            var end = text[1..Math.Min(text.Length, MaxLabelLength)].IndexOf(close);
            if (end >= 0 && end + 2 < text.Length)
                return text[(end + 2)..];
            return text;
        }

        if (TryStripDateline(text, out var rest))
            return rest;
        if (!string.IsNullOrEmpty(sourceTitle) && TryStripName(text, sourceTitle, out rest))
            return rest;
        foreach (var name in SourceNames.Chinese)
        {
            if (TryStripName(text, name, out rest))
                return rest;
        }

        foreach (var name in SourceNames.Latin)
        {
            if (TryStripName(text, name, out rest))
                return rest;
        }

        foreach (var label in SourceNames.Labels)
        {
            if (TryStripLabel(text, label, out rest))
                return rest;
        }

        return text;
    }

    private static ReadOnlySpan<char> StripSuffix(ReadOnlySpan<char> text, string? sourceTitle, bool isTitle)
    {
        text = SpanText.TrimEndSeparators(text);
        if (text.IsEmpty)
            return text;

        var open = SpanText.OpeningFor(text[^1]);
        if (open != '\0')
        {
            var from = Math.Max(0, text.Length - MaxTrailerLength);
            var start = text[from..^1].LastIndexOf(open);
            if (start >= 0)
            {
                start += from;
                var inner = text[(start + 1)..^1];
                if (start > 0 && ((isTitle && inner.Length <= MaxTitleParentheticalLength) || SpanText.StartsWithAny(inner.TrimStart(), SourceNames.BylineMarkers)))
                    return text[..start];
            }
        }

        var tailFrom = Math.Max(0, text.Length - MaxTrailerLength);
        foreach (var marker in TrailerStarts)
        {
            var at = SpanText.LastIndexOfLower(text[tailFrom..], marker);
            if (at >= 0 && tailFrom + at > 0)
                return text[..(tailFrom + at)];
        }

        if (!string.IsNullOrEmpty(sourceTitle) && TryStripTrailingName(text, sourceTitle, out var rest))
            return rest;
        foreach (var name in SourceNames.Latin)
        {
            if (TryStripTrailingName(text, name, out rest))
                return rest;
        }

        foreach (var name in SourceNames.Chinese)
        {
            if (TryStripTrailingName(text, name, out rest))
                return rest;
        }

        return text;
    }

    /// <summary>Lines that end a story without being part of it.</summary>
    private static readonly string[] TrailerStarts = ["责任编辑", "编辑:", "--with assistance from", "—with assistance from", "to contact the reporter", "(reporting by"];

    /// <summary>"NEW YORK, May 13 (Reuters) - ": a short lead-in, a source in parentheses, then a dash.</summary>
    private static bool TryStripDateline(ReadOnlySpan<char> text, out ReadOnlySpan<char> rest)
    {
        rest = text;
        var head = text[..Math.Min(text.Length, MaxDatelineLength)];
        var open = head.IndexOf('(');
        if (open <= 0 || head[..open].IndexOfAny('.', '。') >= 0)
            return false;
        var close = head[open..].IndexOf(')');
        if (close < 0 || !IsLatinSource(head[(open + 1)..(open + close)]))
            return false;
        var after = text[(open + close + 1)..].TrimStart();
        if (after.IsEmpty || !SpanText.IsDash(after[0]))
            return false;
        rest = after;
        return true;
    }

    private static bool TryStripName(ReadOnlySpan<char> text, string name, out ReadOnlySpan<char> rest)
    {
        rest = text;
        if (!SpanText.StartsWithLower(text, name))
            return false;
        var after = text[name.Length..];
        if (SpanText.IsLatinName(name))
        {
            var trimmed = after.TrimStart();
            if (trimmed.IsEmpty || !SpanText.IsHeadSeparator(trimmed[0]))
                return false;
            rest = trimmed;
            return true;
        }

        after = SkipChineseDate(after);
        var marked = false;
        foreach (var marker in SourceNames.ChineseMarkers)
        {
            if (after.StartsWith(marker, StringComparison.Ordinal))
            {
                after = after[marker.Length..];
                marked = true;
                break;
            }
        }

        if (!marked && (after.IsEmpty || char.IsLetterOrDigit(after[0]) || SpanText.OpeningFor(after[0]) != '\0'))
            return false;
        rest = after;
        return true;
    }

    private static bool TryStripLabel(ReadOnlySpan<char> text, string label, out ReadOnlySpan<char> rest)
    {
        rest = text;
        if (!SpanText.StartsWithLower(text, label))
            return false;
        var after = text[label.Length..];
        var spaced = !after.IsEmpty && char.IsWhiteSpace(after[0]);
        after = after.TrimStart();
        if (SpanText.IsLatinName(label))
        {
            // "UPDATE 2-", "WRAPUP 1-": the wires number their rewrites.
            var digits = 0;
            while (digits < after.Length && char.IsAsciiDigit(after[digits]))
                digits++;
            after = after[digits..].TrimStart();
            spaced = false;
        }

        if (after.IsEmpty || !(SpanText.IsHeadSeparator(after[0]) || spaced))
            return false;
        rest = after;
        return true;
    }

    private static bool TryStripTrailingName(ReadOnlySpan<char> text, string name, out ReadOnlySpan<char> rest)
    {
        rest = text;
        if (text.Length < name.Length || !SpanText.StartsWithLower(text[^name.Length..], name))
            return false;
        var before = text[..^name.Length].TrimEnd();
        if (before.IsEmpty || !SpanText.IsTailSeparator(before[^1]))
            return false;
        rest = before;
        return true;
    }

    private static ReadOnlySpan<char> SkipChineseDate(ReadOnlySpan<char> text)
    {
        var i = 0;
        while (i < text.Length && char.IsAsciiDigit(text[i]))
            i++;
        if (i == 0 || i >= text.Length || text[i] != '月')
            return text;
        var j = i + 1;
        while (j < text.Length && char.IsAsciiDigit(text[j]))
            j++;
        return j > i + 1 && j < text.Length && text[j] == '日' ? text[(j + 1)..] : text;
    }

    private static bool IsLatinSource(ReadOnlySpan<char> inner)
    {
        foreach (var name in SourceNames.Latin)
        {
            if (inner.Length == name.Length && SpanText.StartsWithLower(inner, name))
                return true;
        }

        return false;
    }
}
