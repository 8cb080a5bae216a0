using Aggregator.Drills;
using Aggregator.Drills.Fuzz;
using Aggregator.Drills.Kill;
using Aggregator.Drills.ServeKill;
using Aggregator.Drills.Soak;
using Aggregator.Drills.Xss;

// fuzz --count N --seed S [--corpus DIR] [--out DIR] [--timeout-ms MS] [--threads T]
// kill --rounds N [--seed S] [--feeds F] [--work DIR]
// serve-kill --rounds N [--seed S] [--feeds F] [--poll-seconds P] [--work DIR]
// soak [--minutes M] [--feeds F] [--poll-seconds P] [--sample-seconds S] [--work DIR]
// xss [--work DIR] [--chromium PATH]
// Each prints its counts and exits 1 when a drill failed (crash, hang, torn file, lost article, alert).
Console.OutputEncoding = System.Text.Encoding.UTF8;
try
{
    return args switch
    {
        ["fuzz", .. var rest] => FuzzDrill.Command(new DrillArguments(rest, "--count", "--seed", "--corpus", "--out", "--timeout-ms", "--threads", "--max-memory-mb"), Console.Out),
        ["replay", .. var rest] => FuzzReplay.Command(new DrillArguments(rest, "--seed", "--index", "--corpus", "--save"), Console.Out),
        ["kill", .. var rest] => await KillDrill.CommandAsync(new DrillArguments(rest, "--rounds", "--seed", "--feeds", "--work"), Console.Out),
        ["serve-kill", .. var rest] => await ServeKillDrill.CommandAsync(new DrillArguments(rest, "--rounds", "--seed", "--feeds", "--poll-seconds", "--work"), Console.Out),
        ["soak", .. var rest] => await SoakDrill.CommandAsync(new DrillArguments(rest, "--minutes", "--seconds", "--feeds", "--poll-seconds", "--sample-seconds", "--work"), Console.Out),
        ["xss", .. var rest] => await XssDrill.CommandAsync(new DrillArguments(rest, "--work", "--chromium"), Console.Out),
        _ => Usage(),
    };
}
catch (ArgumentException exception)
{
    Console.Error.WriteLine(exception.Message);
    return Usage();
}

static int Usage()
{
    Console.Error.WriteLine("usage: Aggregator.Drills fuzz --count N --seed S [--corpus DIR] [--out DIR] [--timeout-ms MS] [--threads T] [--max-memory-mb MB]");
    Console.Error.WriteLine("       Aggregator.Drills replay --seed S --index I [--corpus DIR] [--save FILE]");
    Console.Error.WriteLine("       Aggregator.Drills kill --rounds N [--seed S] [--feeds F] [--work DIR]");
    Console.Error.WriteLine("       Aggregator.Drills serve-kill --rounds N [--seed S] [--feeds F] [--poll-seconds P] [--work DIR]");
    Console.Error.WriteLine("       Aggregator.Drills soak [--minutes M | --seconds S] [--feeds F] [--poll-seconds P] [--sample-seconds S] [--work DIR]");
    Console.Error.WriteLine("       Aggregator.Drills xss [--work DIR] [--chromium PATH]");
    return 2;
}
