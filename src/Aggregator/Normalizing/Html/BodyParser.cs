using AngleSharp;
using AngleSharp.Css;
using AngleSharp.Css.Parser;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Aggregator.Normalizing.Html;

/// <summary>
/// The HTML parser bodies are sanitized with: HtmlSanitizer's own default (the same CSS parser options,
/// scripting on, so &lt;noscript&gt; reads as a browser with scripts reads it), with two attribute
/// observers made quiet — inline styles parsed only when the sanitizer asks for them
/// (<see cref="LazyStyleObserver"/>), image candidates not re-picked for a loader that does not exist
/// (<see cref="QuietImageObserver"/>) — and no source positions tracked for elements (nothing reads
/// them). The DOM, and so the sanitized output, is the same.
/// </summary>
internal static class BodyParser
{
    // HtmlSanitizer's settings for its default parser (Ganss.Xss.HtmlSanitizer's static constructor).
    private static readonly CssParserOptions CssOptions = new()
    {
        IsIncludingUnknownDeclarations = true,
        IsIncludingUnknownRules = true,
        IsToleratingInvalidSelectors = true,
    };

    /// <summary>One parser for every thread, as HtmlSanitizer shares its default one.</summary>
    public static HtmlParser Shared { get; } = Create();

    public static HtmlParser Create()
    {
        var services = new List<object>();
        foreach (var service in AngleSharp.Configuration.Default.WithCss(CssOptions).Services)
        {
            services.Add(service switch
            {
                DefaultAttributeObserver standard => new QuietImageObserver(standard),
                IAttributeObserver style when LazyStyleObserver.IsAvailable && style.GetType().Name == "StyleAttributeObserver" => new LazyStyleObserver(),
                _ => service,
            });
        }

        // A materialized list: the configuration's services are otherwise a chain of lazy LINQ operators.
        var options = new HtmlParserOptions { IsScripting = true, DisableElementPositionTracking = true };
        return new HtmlParser(options, BrowsingContext.New(new AngleSharp.Configuration(services)));
    }
}
