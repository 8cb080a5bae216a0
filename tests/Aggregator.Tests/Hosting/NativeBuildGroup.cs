namespace Aggregator.Tests.Hosting;

/// <summary>
/// Tests of the native build run alone, after the parallel ones: its publish keeps both cores busy for a
/// minute or two, which would stretch other tests' deadlines on a 2-core machine.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class NativeBuildGroup
{
    public const string Name = "Native build";
}
