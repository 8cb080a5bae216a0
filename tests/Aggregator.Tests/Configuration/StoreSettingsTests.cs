using Aggregator.Configuration;
using Aggregator.Model;
using Aggregator.Storage;
using Aggregator.Storage.Postgres;
using static Aggregator.Tests.Support.ConfigurationTestFiles;

namespace Aggregator.Tests.Configuration;

public sealed class StoreSettingsTests
{
    private static string WithStore(string store) => $$"""
        {
          "site": { "title": "财经", "baseUrl": "https://news.example.org/" },
          "store": {{store}},
          "sources": [ { "id": "stcn", "title": "证券时报", "url": "https://rsshub.app/stcn/yw", "categories": ["金融"] } ]
        }
        """;

    [Fact]
    public void WithoutAStoreTheEmbeddedSqliteStoreIsUsed()
    {
        var settings = Valid(WithStore("{}"));

        Assert.Equal(StoreSelection.Default, settings.Store);
        Assert.Equal(StoreKind.Sqlite, StoreResolver.Resolve(settings.Store, _ => null).Kind);
    }

    [Fact]
    public void APostgresStoreNamesTheVariableOfItsConnectionString()
    {
        var settings = Valid(WithStore("""{ "kind": "postgres", "connectionStringEnv": "NEWS_DB" }"""));

        Assert.Equal(new StoreSelection { Kind = StoreKind.Postgres, ConnectionStringVariable = "NEWS_DB" }, settings.Store);
        var resolved = StoreResolver.Resolve(settings.Store, name => name == "NEWS_DB" ? "Host=db;Password=secret;Database=news" : null);
        Assert.Equal("Host=db;Password=secret;Database=news", resolved.ConnectionString);
        Assert.DoesNotContain("secret", resolved.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void AnUnknownKindIsAProblemAtItsValue()
    {
        var json = WithStore("""{ "kind": "mysql" }""");

        var result = FeedsConfigLoader.Parse(json, "feeds.json");

        Assert.Equal([$"{At(json, "\"mysql\"")}: store.kind must be \"sqlite\" or \"postgres\", not \"mysql\""], Located(result));
    }

    [Fact]
    public void AConnectionStringInsteadOfAVariableNameIsRejected()
    {
        var json = WithStore("""{ "kind": "postgres", "connectionStringEnv": "Host=db;Password=secret" }""");

        var problem = Assert.Single(FeedsConfigLoader.Parse(json, "feeds.json").Problems);

        Assert.Contains("must name an environment variable", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheEnvironmentOverridesTheKindAndTheDefaultVariableHoldsTheConnectionString()
    {
        var environment = new Dictionary<string, string> { ["AGGREGATOR_STORE"] = "postgres", ["AGGREGATOR_POSTGRES"] = "Host=127.0.0.1;Database=news" };

        var resolved = StoreResolver.Resolve(StoreSelection.Default, name => environment.GetValueOrDefault(name));

        Assert.Equal(new ResolvedStore(StoreKind.Postgres, "Host=127.0.0.1;Database=news"), resolved);
    }

    [Fact]
    public void APostgresStoreWithoutItsVariableFailsNamingTheVariable()
    {
        var error = Assert.Throws<StorageException>(() => StoreResolver.Resolve(new StoreSelection { Kind = StoreKind.Postgres }, _ => null));

        Assert.StartsWith("storage: the PostgreSQL store needs its connection string in the environment variable AGGREGATOR_POSTGRES", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnUnknownStoreKindInTheEnvironmentIsRefused()
    {
        var error = Assert.Throws<StorageException>(() => StoreResolver.Resolve(StoreSelection.Default, name => name == "AGGREGATOR_STORE" ? "oracle" : null));

        Assert.Equal("storage: AGGREGATOR_STORE must be \"sqlite\" or \"postgres\", not \"oracle\".", error.Message);
    }
}
