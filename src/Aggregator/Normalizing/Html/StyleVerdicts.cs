using System.Buffers;
using System.Collections.Concurrent;
using AngleSharp.Dom;

namespace Aggregator.Normalizing.Html;

/// <summary>
/// What HtmlSanitizer (then <see cref="StylePreserver"/>) made of a style attribute value, remembered so
/// the next element carrying the very same value gets the same result without the library parsing,
/// serializing and re-parsing it as CSS again (a feed's bodies repeat a handful of values:
/// <c>text-align: center;</c> on every image paragraph). Nothing is judged here: every remembered
/// result is the one the library produced for that exact text on an earlier element.
/// <para>
/// Only values whose result cannot depend on anything but their text are remembered: HtmlSanitizer's
/// style verdict reads the element and the base URL only to resolve and filter <c>url(…)</c> values
/// (its FilterUrl hook), and a value without parentheses, quotes, slashes or backslashes (no function,
/// string, comment or escape) cannot hold or become one. The document is always parsed in standards
/// mode (<see cref="BodySanitizer"/>), so the CSS parse of a value is the same in every body.
/// </para>
/// </summary>
internal sealed class StyleVerdicts
{
    /// <summary>Values remembered at most: bounds the memory a long-running server gives this.</summary>
    private const int Capacity = 1024;

    /// <summary>Longer values are not remembered (bounded memory; long inline styles rarely repeat).</summary>
    private const int MaxLength = 200;

    /// <summary>The characters of a value whose verdict is remembered.</summary>
    private static readonly SearchValues<char> Plain =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 \t\r\n\f-_:;.,%#!");

    private readonly ConcurrentDictionary<string, string?> verdicts = new(StringComparer.Ordinal);
    private int count;

    /// <summary>True when <paramref name="style"/>'s verdict depends on its text alone (see the class remarks).</summary>
    public static bool IsContextFree(string style) =>
        style.Length <= MaxLength && !style.AsSpan().ContainsAnyExcept(Plain);

    /// <summary>The final attribute value HtmlSanitizer gave <paramref name="style"/> before (null: it removed the attribute).</summary>
    public bool TryRecall(string style, out string? verdict) => verdicts.TryGetValue(style, out verdict);

    /// <summary>
    /// Sets aside the styles of <paramref name="styles"/> whose verdict is known: each such attribute is
    /// emptied in place (so the sanitizer has nothing to parse, and the attribute keeps its position)
    /// and returned with its verdict for <see cref="Replay"/>. The other styles stay in <paramref name="styles"/>.
    /// </summary>
    public List<(IElement Element, string? Verdict)>? SetAside(List<(IElement Element, string Style)> styles)
    {
        List<(IElement, string?)>? known = null;
        var kept = 0;
        for (var i = 0; i < styles.Count; i++)
        {
            var (element, style) = styles[i];
            if (TryRecall(style, out var verdict))
            {
                // An empty style is what HtmlSanitizer keeps as it is: parsed, found empty, left in place.
                element.SetAttribute("style", string.Empty);
                (known ??= []).Add((element, verdict));
            }
            else
            {
                styles[kept++] = styles[i];
            }
        }

        styles.RemoveRange(kept, styles.Count - kept);
        return known;
    }

    /// <summary>Writes the remembered verdicts back onto the attributes <see cref="SetAside"/> emptied.</summary>
    public static void Replay(List<(IElement Element, string? Verdict)>? known)
    {
        if (known is null)
            return;
        // The sanitizer is done reading declarations: only the attribute text matters now.
        using var quiet = LazyStyleObserver.Pause();
        foreach (var (element, verdict) in known)
        {
            if (verdict is null)
                element.RemoveAttribute("style");
            else
                element.SetAttribute("style", verdict);
        }
    }

    /// <summary>
    /// Remembers what the sanitizer made of each of <paramref name="styles"/> (their original text, as
    /// noted before sanitizing) on the elements it kept under <paramref name="body"/>; an element it
    /// removed still carries the original text, which is no verdict.
    /// </summary>
    public void Learn(List<(IElement Element, string Style)> styles, IElement body)
    {
        foreach (var (element, style) in styles)
        {
            if (Volatile.Read(ref count) >= Capacity)
                return;
            if (!IsContextFree(style) || verdicts.ContainsKey(style) || !IsUnder(element, body))
                continue;
            if (verdicts.TryAdd(style, element.GetAttribute("style")))
                Interlocked.Increment(ref count);
        }
    }

    private static bool IsUnder(IElement element, IElement body)
    {
        for (var parent = element.ParentElement; parent is not null; parent = parent.ParentElement)
        {
            if (ReferenceEquals(parent, body))
                return true;
        }

        return false;
    }
}
