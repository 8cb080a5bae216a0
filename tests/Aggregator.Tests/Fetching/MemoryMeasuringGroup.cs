namespace Aggregator.Tests.Fetching;

/// <summary>Tests that measure process-wide allocation run alone, so other tests' garbage does not count against them.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MemoryMeasuringGroup
{
    public const string Name = "Fetching memory";
}
