using Aggregator.Model;
using Aggregator.Scheduling.Clustering;
using Aggregator.Storage.Postgres;
using Aggregator.Tests.Support;

namespace Aggregator.Tests.Scheduling.Clustering;

/// <summary>Nodes loading the same feeds.json apply it to the shared schedule once.</summary>
[Collection(PostgresGroup.Name)]
public sealed class ScheduleClaimTests(PostgresServer server)
{
    private static readonly CancellationToken None = CancellationToken.None;

    private static AggregatorSettings Settings(string schedule = "0 */10 * * * ?") => new()
    {
        Site = new SiteDefinition { Title = "t", BaseUrl = new Uri("https://example.org/") },
        Sources = [StorageTestStore.Source("stcn") with { Schedule = schedule }, StorageTestStore.Source("cls")],
        Categories = [],
    };

    private async Task<ClusterScheduleGate> GateAsync()
    {
        var connectionString = await server.CreateDatabaseAsync();
        // Opening the store creates cluster_schedule.
        await (await PostgresArticleStore.OpenAsync(connectionString, TimeProvider.System, null, None)).DisposeAsync();
        return new ClusterScheduleGate(new ResolvedStore(StoreKind.Postgres, connectionString));
    }

    [Fact]
    public async Task WithoutAClusterEveryNodeOwnsItsSchedule()
    {
        await using var claim = await ScheduleClaim.TakeAsync(null, Settings(), None);

        Assert.True(claim.Owned);
    }

    [Fact]
    public async Task TheFirstNodeAppliesAConfigurationAndTheNextFindsItApplied()
    {
        await using var gate = await GateAsync();
        await using (var first = await ScheduleClaim.TakeAsync(gate, Settings(), None))
        {
            Assert.True(first.Owned);
            await first.CompleteAsync(None);
        }

        await using var second = await ScheduleClaim.TakeAsync(gate, Settings(), None);
        await using var changed = await ScheduleClaim.TakeAsync(gate, Settings("0 */5 * * * ?"), None);

        Assert.False(second.Owned);
        Assert.True(changed.Owned);
    }

    [Fact]
    public async Task ANodeStartingWhileAnotherAppliesWaitsAndThenSkips()
    {
        await using var gate = await GateAsync();
        var first = await ScheduleClaim.TakeAsync(gate, Settings(), None);

        var second = ScheduleClaim.TakeAsync(gate, Settings(), None);
        await Task.Delay(300);
        Assert.False(second.IsCompleted);
        await first.CompleteAsync(None);
        await first.DisposeAsync();

        await using var waited = await second;
        Assert.False(waited.Owned);
    }

    [Fact]
    public async Task AnUnfinishedApplicationIsAppliedAgainByTheNextNode()
    {
        await using var gate = await GateAsync();
        await using (var crashed = await ScheduleClaim.TakeAsync(gate, Settings(), None))
            Assert.True(crashed.Owned);

        await using var next = await ScheduleClaim.TakeAsync(gate, Settings(), None);

        Assert.True(next.Owned);
    }
}
