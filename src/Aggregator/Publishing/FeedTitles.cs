using Aggregator.Model;

namespace Aggregator.Publishing;

/// <summary>The titles of the merged feeds: "site · category", and the site title for the feed of everything.</summary>
internal static class FeedTitles
{
    public static string All(SiteDefinition site) => XmlText.SingleLine(site.Title);

    public static string Category(SiteDefinition site, CategoryDefinition category) =>
        XmlText.SingleLine(site.Title) + " · " + XmlText.SingleLine(category.Name);

    /// <summary>The feed-level author: the configured one, else the site title.</summary>
    public static string Author(SiteDefinition site) =>
        string.IsNullOrWhiteSpace(site.Author) ? XmlText.SingleLine(site.Title) : XmlText.SingleLine(site.Author);
}
