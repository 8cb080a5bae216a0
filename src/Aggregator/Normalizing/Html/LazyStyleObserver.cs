using System.Reflection;
using System.Runtime.CompilerServices;
using AngleSharp.Common;
using AngleSharp.Css.Dom;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Svg.Dom;

namespace Aggregator.Normalizing.Html;

/// <summary>
/// Stands in for AngleSharp.Css's style-attribute observer, which parses an element's style attribute
/// as soon as the parser builds the element — twice (create, then update) — and again on every
/// change: a body's inline styles were parsed four or five times, each parse allocating kilobytes.
/// This one only keeps a declaration current once someone has asked for it (HtmlSanitizer does,
/// for each element it checks); until then <c>GetStyle()</c> parses the attribute as it is at that
/// moment, which is the value the eager observer would have parsed last. What the sanitizer reads
/// is therefore the same; only the parses nobody reads are skipped.
/// </summary>
internal sealed class LazyStyleObserver : IAttributeObserver
{
    /// <summary>AngleSharp.Css's table of the declarations it has created, or null if its layout changed.</summary>
    private static readonly ConditionalWeakTable<IElement, ICssStyleDeclaration>? Created =
        typeof(ElementCssInlineStyleExtensions).GetField("_styles", BindingFlags.NonPublic | BindingFlags.Static)?.GetValue(null)
            as ConditionalWeakTable<IElement, ICssStyleDeclaration>;

    [ThreadStatic]
    private static bool paused;

    /// <summary>
    /// False when AngleSharp.Css no longer keeps its declarations where this observer looks: then the
    /// stock observer stays in place (slower, same result).
    /// </summary>
    public static bool IsAvailable => Created is not null;

    /// <summary>
    /// Stops updating declarations on this thread until disposed: for writes made after the last read of
    /// any declaration (the author's spelling put back by <see cref="StylePreserver"/>), which only the
    /// serialized attribute shows.
    /// </summary>
    public static PauseScope Pause()
    {
        paused = true;
        return default;
    }

    void IAttributeObserver.NotifyChange(IElement host, string name, string? value)
    {
        if (!paused && name == "style" && host is IHtmlElement or ISvgElement && Created!.TryGetValue(host, out var style))
            ((IBindable)style).Update(value!); // null (attribute removed) clears it, as the stock observer does
    }

    /// <summary>Ends a <see cref="Pause"/>.</summary>
    internal readonly struct PauseScope : IDisposable
    {
        public void Dispose() => paused = false;
    }
}
