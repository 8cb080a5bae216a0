namespace Aggregator.Tests.Scheduling;

/// <summary>
/// Tests that send a signal to the test process itself run alone: SIGHUP reaches every host the
/// parallel tests have running, and their watchers register and drop the process-wide SIGHUP handler
/// as they start and stop. In two clean-clone CI runs (both started under nohup) the SIGHUP test's
/// reload never came while the rest of the suite ran beside it; alone it always passed.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessSignalGroup
{
    public const string Name = "Process signals";
}
