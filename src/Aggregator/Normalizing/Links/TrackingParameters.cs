namespace Aggregator.Normalizing.Links;

/// <summary>
/// Query parameters that say how a reader arrived, not what they read: dropped from canonical links
/// so one article keeps one link however it was shared.
/// </summary>
internal static class TrackingParameters
{
    /// <summary>Any parameter starting with one of these (Google Analytics campaign tags, HubSpot, Matomo/Piwik).</summary>
    public static IReadOnlyList<string> Prefixes { get; } = ["utm_", "_hs", "pk_", "mtm_"];

    /// <summary>
    /// Exact names: click ids of ad networks (fbclid, gclid, dclid, yclid, msclkid, igshid…), Mailchimp's
    /// mc_cid/mc_eid, Alibaba's spm, Chinese apps' share parameters (from, share_token, share_source…),
    /// and referral markers (ref_src, ref_url).
    /// </summary>
    private static readonly HashSet<string> ExactNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "fbclid", "gclid", "gclsrc", "dclid", "yclid", "msclkid", "igshid", "twclid", "ttclid", "wbraid", "gbraid",
        "mc_cid", "mc_eid", "mkt_tok", "spm", "scm", "from", "share_token", "sharetoken", "share_source",
        "share_medium", "share_from", "share_id", "shareid", "sharesource", "ref_src", "ref_url", "wt.mc_id",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> NameLookup = ExactNames.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The exact names (see the field above for what they are).</summary>
    public static IReadOnlySet<string> Names => ExactNames;

    /// <summary>True when the parameter named <paramref name="name"/> only tracks the reader.</summary>
    public static bool IsTracking(ReadOnlySpan<char> name)
    {
        foreach (var prefix in Prefixes)
        {
            if (name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
                return true;
        }

        return NameLookup.Contains(name);
    }
}
