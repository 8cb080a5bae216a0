using System.Diagnostics;
using Aggregator.Parsing;
using Aggregator.Tests.Support;
using Xunit.Abstractions;

namespace Aggregator.Tests.Parsing;

/// <summary>Every file of feedparser's test suite goes through the parser: none may crash or hang.</summary>
public sealed class FeedparserCorpusTests(ITestOutputHelper output)
{
    [Fact]
    public async Task EveryCorpusFileParsesOrFailsWithAReadableParseError()
    {
        var parser = new FeedParser();
        var problems = new List<string>();
        var refusals = new List<string>();
        int parsed = 0, refused = 0;
        foreach (var file in ParsingCorpus.AllFiles())
        {
            var watch = Stopwatch.StartNew();
            try
            {
                await Task.Run(() => ParsingCorpus.Parse(parser, file)).WaitAsync(TimeSpan.FromSeconds(10));
                parsed++;
            }
            catch (TimeoutException)
            {
                problems.Add($"{file}: still parsing after 10 s");
                continue;
            }
            catch (FeedParseException parse)
            {
                refused++;
                refusals.Add($"{file}: {parse.Message}");
                if (!parse.Message.StartsWith("parse: ", StringComparison.Ordinal) || parse.Message.Contains('\n', StringComparison.Ordinal))
                {
                    problems.Add($"{file}: unclear error \"{parse.Message}\"");
                }
            }
#pragma warning disable CA1031 // the point of this test is to catch and list every crash
            catch (Exception ex)
#pragma warning restore CA1031
            {
                problems.Add($"{file}: crashed with {ex.GetType().Name}: {ex.Message}");
            }

            if (watch.Elapsed > TimeSpan.FromSeconds(2))
            {
                problems.Add($"{file}: took {watch.Elapsed.TotalSeconds:0.0} s");
            }
        }

        output.WriteLine($"{parsed} files parsed, {refused} refused with a parse error, {problems.Count} problems");
        foreach (var line in problems.Concat(refusals))
        {
            output.WriteLine(line);
        }

        Assert.True(parsed + refused > 2000, "the corpus should hold over 2,000 files");
        Assert.Empty(problems);
    }
}
