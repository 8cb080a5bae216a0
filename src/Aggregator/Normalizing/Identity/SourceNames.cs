namespace Aggregator.Normalizing.Identity;

/// <summary>
/// Names that sources put in front of (or behind) a story they carry, so that the same wire story
/// reads the same whatever site it came from. A Chinese name is removed when a marker or separator
/// follows it ("证券时报网讯，", "财联社5月13日电，", "华尔街见闻获悉，"); a Latin name only when a
/// separator follows ("Reuters - ", "Bloomberg: ") or when it stands in a dateline
/// ("NEW YORK, May 13 (Reuters) - ", "(Bloomberg) -- "). The configured source title is removed too.
/// </summary>
internal static class SourceNames
{
    /// <summary>Chinese wire and portal names, longest first so that "证券时报e公司" wins over "证券时报".</summary>
    public static readonly string[] Chinese = Longest(
    [
        "财联社", "证券时报网", "证券时报e公司", "证券时报", "e公司", "中国证券报", "中证网", "上海证券报", "上证报",
        "中国基金报", "证券日报网", "证券日报", "华尔街见闻", "新浪财经", "东方财富网", "东方财富", "第一财经", "每日经济新闻",
        "每经网", "21世纪经济报道", "经济观察网", "界面新闻", "澎湃新闻", "新华社", "中新社", "中新经纬", "央视新闻",
        "智通财经", "格隆汇", "金十数据", "券商中国", "财新网", "新京报", "观点网", "金融界", "同花顺",
    ]);

    /// <summary>Latin wire and site names, compared case-insensitively.</summary>
    public static readonly string[] Latin = Longest(
    [
        "reuters", "bloomberg", "marketwatch", "cnbc", "wsj", "the wall street journal", "wall street journal",
        "financial times", "ft", "associated press", "ap", "afp", "dow jones newswires", "dow jones", "barron's",
        "investing.com", "seeking alpha", "yahoo finance", "business wire", "pr newswire", "globenewswire",
        "nikkei asia", "nikkei", "xinhua", "kyodo", "yonhap", "fxstreet", "forexlive",
    ]);

    /// <summary>What follows a Chinese source name when it introduces a story: 讯, 电, 消息, 获悉, 报道.</summary>
    public static readonly string[] ChineseMarkers = ["讯", "电", "消息", "获悉", "报道", "快讯"];

    /// <summary>Column labels put before a headline ("快讯：", "BREAKING:", "UPDATE 2-", "BRIEF-"), followed by a separator.</summary>
    public static readonly string[] Labels = Longest(
    [
        "快讯", "突发", "独家", "重磅", "最新", "公告", "提示", "breaking news", "breaking", "exclusive", "update",
        "brief", "refile", "corrected", "correction", "urgent", "rpt", "just in", "alert",
    ]);

    /// <summary>Where a trailing byline or editor line begins ("（记者 张三）", "(Reporting by …)", "责任编辑：…").</summary>
    public static readonly string[] BylineMarkers =
    [
        "记者", "文章来源", "来源", "责任编辑", "编辑", "作者", "撰文", "reporting by", "additional reporting", "writing by",
        "editing by", "compiled by", "by ", "with assistance from", "--with assistance from", "to contact the reporter",
    ];

    private static string[] Longest(string[] names) => [.. names.OrderByDescending(static n => n.Length)];
}
