using System.Globalization;
using StoreKillDrill;

// drill <data-dir> <round>            ingest until killed (the crash-safety test's child)
// bench <work-dir> <articles> [preload] [runs] ingest rate of the store vs raw INSERT OR IGNORE
// corpus <corpus-dir> <work-dir> <preload> [runs]  issue 4's benchmark over the generated corpus
// latest <data-dir> <articles> <categories>  publish queries over a store of that size
// publish <data-dir> <categories> [runs]    the whole republish over a store `latest` filled
// repoll <corpus-dir> <work-dir> [rounds]     issue 7's steady-state re-poll vs a bare XmlReader pass
// preload <data-dir> <articles> [feeds.json] a store for serve-memory.sh, spread over the sources
// migrate <data-dir>                        opens an existing store and times its pending migrations
Console.OutputEncoding = System.Text.Encoding.UTF8;
switch (args)
{
    case ["drill", var directory, var round]:
        await KillDrill.RunAsync(directory, int.Parse(round, CultureInfo.InvariantCulture));
        return 0;
    case ["bench", var directory, var count, .. var rest]:
        await IngestBenchmark.RunAsync(directory, int.Parse(count, CultureInfo.InvariantCulture),
            rest.Length > 0 ? int.Parse(rest[0], CultureInfo.InvariantCulture) : 0, rest.Length > 1 ? int.Parse(rest[1], CultureInfo.InvariantCulture) : 3);
        return 0;
    case ["corpus", var corpus, var directory, var preload, .. var rest]:
        await CorpusBenchmark.RunAsync(corpus, directory, int.Parse(preload, CultureInfo.InvariantCulture),
            rest.Length > 0 ? int.Parse(rest[0], CultureInfo.InvariantCulture) : 3);
        return 0;
    case ["latest", var directory, var count, var categories]:
        await LatestBenchmark.RunAsync(directory, int.Parse(count, CultureInfo.InvariantCulture), int.Parse(categories, CultureInfo.InvariantCulture), 100);
        return 0;
    case ["publish", var directory, var categories, .. var rest]:
        await PublishBenchmark.RunAsync(directory, int.Parse(categories, CultureInfo.InvariantCulture), rest.Length > 0 ? int.Parse(rest[0], CultureInfo.InvariantCulture) : 5);
        return 0;
    case ["repoll", var corpus, var directory, .. var rest]:
        await RepollBenchmark.RunAsync(corpus, directory, rest.Length > 0 ? int.Parse(rest[0], CultureInfo.InvariantCulture) : 5);
        return 0;
    case ["preload", var directory, var count, .. var rest]:
        return await ServePreload.RunAsync(directory, int.Parse(count, CultureInfo.InvariantCulture), rest.Length > 0 ? rest[0] : null);
    case ["migrate", var directory]:
        await MigrateTiming.RunAsync(directory);
        return 0;
    default:
        Console.Error.WriteLine("usage: StoreKillDrill drill <data-dir> <round> | bench <work-dir> <articles> [preload] [runs] | corpus <corpus-dir> <work-dir> <preload> [runs] | latest <data-dir> <articles> <categories> | publish <data-dir> <categories> [runs] | repoll <corpus-dir> <work-dir> [rounds] | preload <data-dir> <articles> [feeds.json] | migrate <data-dir>");
        return 2;
}
