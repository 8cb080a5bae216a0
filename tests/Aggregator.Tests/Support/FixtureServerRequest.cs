namespace Aggregator.Tests.Support;

/// <summary>What <see cref="FixtureServer"/> saw of one request: enough to assert on headers sent by a client.</summary>
public sealed record FixtureServerRequest(string Method, string Path, string QueryString, IReadOnlyDictionary<string, string> Headers)
{
    /// <summary>The header's value (several values joined by ", "), or null when it was not sent; case-insensitive.</summary>
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}
