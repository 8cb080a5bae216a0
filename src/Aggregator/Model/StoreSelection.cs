namespace Aggregator.Model;

/// <summary>
/// Which database holds the articles (feeds.json "store", overridable by the environment). The
/// connection string is never in feeds.json: it is read from the environment variable named here.
/// </summary>
internal sealed record StoreSelection
{
    public const string DefaultConnectionStringVariable = "AGGREGATOR_POSTGRES";

    public static StoreSelection Default { get; } = new();

    public StoreKind Kind { get; init; } = StoreKind.Sqlite;

    /// <summary>The environment variable holding the PostgreSQL connection string.</summary>
    public string ConnectionStringVariable { get; init; } = DefaultConnectionStringVariable;
}
