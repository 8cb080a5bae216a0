namespace Aggregator.Tests.Support;

/// <summary>The tests that share one throw-away PostgreSQL server (started once, each test in its own database).</summary>
[CollectionDefinition(Name)]
public sealed class PostgresGroup : ICollectionFixture<PostgresServer>
{
    public const string Name = "PostgreSQL server";
}
