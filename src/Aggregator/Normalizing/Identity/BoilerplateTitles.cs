namespace Aggregator.Normalizing.Identity;

/// <summary>
/// Titles that name a recurring column rather than a story ("早间新闻", "收评：沪指涨0.5%",
/// "Stocks to watch", "Market close"): the same words come back every day over a different story,
/// so such a title never identifies a story on its own and the bodies must agree.
/// </summary>
internal static class BoilerplateTitles
{
    /// <summary>Column names as title keys (folded, lower case, no punctuation). A key starting or ending with one is boilerplate.</summary>
    public static readonly string[] Columns =
    [
        "收评", "午评", "早评", "复盘", "收盘", "开盘", "盘前必读", "早盘必读", "盘中播报", "盘中必读", "早间新闻", "晚间新闻",
        "午间新闻", "财经早餐", "早知道", "早报", "晚报", "夜报", "龙虎榜", "快讯", "要闻", "今日看点", "投资早参", "新闻联播",
        "stockstowatch", "marketclose", "marketopen", "morningbid", "stockmarkettoday", "fivethingsyouneedtoknow",
        "whattowatch", "stocksmakingthebiggestmoves", "firstft", "marketwrap", "marketsnapshot", "morningbriefing",
        "eveningbriefing", "dailybriefing", "wallstreetends", "stocksclose", "marketsupdate", "marketslive",
    ];

    /// <summary>True for a column title, or a key with fewer than <paramref name="minLetters"/> letters once digits are set aside.</summary>
    public static bool IsBoilerplate(string key, int minLetters)
    {
        var letters = 0;
        foreach (var c in key)
        {
            if (char.IsLetter(c))
                letters++;
        }

        if (letters < minLetters)
            return true;
        foreach (var column in Columns)
        {
            if (key.StartsWith(column, StringComparison.Ordinal) || key.EndsWith(column, StringComparison.Ordinal))
                return true;
        }

        return false;
    }
}
