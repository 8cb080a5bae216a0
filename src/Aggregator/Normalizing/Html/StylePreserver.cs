using System.Text;
using AngleSharp.Dom;

namespace Aggregator.Normalizing.Html;

/// <summary>
/// HtmlSanitizer re-serializes every style attribute it keeps (<c>text-align:center</c> becomes
/// <c>text-align: center</c>). Where it removed nothing, the author's own spelling is put back so
/// bodies stay byte for byte as published — but only when the two differ in white space and a
/// final semicolon alone, so nothing the sanitizer judged is ever undone.
/// </summary>
internal static class StylePreserver
{
    /// <summary>Puts back the authors' spelling of <paramref name="styles"/> (as <see cref="BodyPreparation"/> noted them before sanitizing) where only it differs.</summary>
    public static void Restore(List<(IElement Element, string Style)> styles)
    {
        // The sanitizer has read every declaration by now: only the attribute's text changes.
        using var quiet = LazyStyleObserver.Pause();
        foreach (var (element, original) in styles)
        {
            var sanitized = element.GetAttribute("style");
            if (sanitized is not null && sanitized != original && Squeeze(sanitized) == Squeeze(original))
                element.SetAttribute("style", original);
        }
    }

    /// <summary>Drops white space around ':' ';' ',' and at the ends, one trailing ';', and collapses the rest.</summary>
    private static string Squeeze(string style)
    {
        var builder = new StringBuilder(style.Length);
        var pendingSpace = false;
        foreach (var c in style.Trim())
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = true;
                continue;
            }

            if (pendingSpace && c is not (':' or ';' or ',') && builder.Length > 0 && builder[^1] is not (':' or ';' or ','))
                builder.Append(' ');
            pendingSpace = false;
            builder.Append(c);
        }

        if (builder.Length > 0 && builder[^1] == ';')
            builder.Length--;
        return builder.ToString();
    }
}
