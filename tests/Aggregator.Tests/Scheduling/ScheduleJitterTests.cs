using Aggregator.Scheduling;
using Quartz;

namespace Aggregator.Tests.Scheduling;

public sealed class ScheduleJitterTests
{
    private static readonly TimeSpan MaxJitter = TimeSpan.FromSeconds(60);

    [Fact]
    public void AThousandSourcesOnTheSameCronSpreadOverTheWholeMinute()
    {
        var seconds = Enumerable.Range(0, 1000)
            .Select(i => ScheduleJitter.Apply("0 */5 * * * ?", $"source-{i}", MaxJitter))
            .Select(cron => int.Parse(cron.Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture))
            .ToList();

        var perSecond = seconds.GroupBy(s => s).ToDictionary(g => g.Key, g => g.Count());
        Assert.All(seconds, s => Assert.InRange(s, 0, 59));
        Assert.Equal(60, perSecond.Count);
        // About 17 per second on average; a fair hash keeps every second well below three times that.
        Assert.True(perSecond.Values.Max() <= 50, $"busiest second has {perSecond.Values.Max()} sources");
    }

    [Fact]
    public void AJitteredScheduleKeepsItsInterval()
    {
        var cron = ScheduleJitter.Apply("0 */5 * * * ?", "stcn-yw", MaxJitter);
        var expression = new CronExpression(cron) { TimeZone = TimeZoneInfo.Utc };

        var first = expression.GetTimeAfter(new DateTimeOffset(2026, 11, 27, 10, 0, 0, TimeSpan.Zero))!.Value;
        var second = expression.GetTimeAfter(first)!.Value;

        Assert.Equal(TimeSpan.FromMinutes(5), second - first);
        Assert.Equal(cron, ScheduleJitter.Apply("0 */5 * * * ?", "stcn-yw", MaxJitter));
    }

    [Fact]
    public void AOneMinuteScheduleIsShiftedByLessThanHalfAMinute()
    {
        var offsets = Enumerable.Range(0, 200)
            .Select(i => ScheduleJitter.Apply("0 * * * * ?", $"s{i}", MaxJitter).Split(' ')[0])
            .Select(s => int.Parse(s, System.Globalization.CultureInfo.InvariantCulture))
            .ToList();

        Assert.Equal(30, ScheduleJitter.Window("0 * * * * ?", MaxJitter));
        Assert.All(offsets, offset => Assert.InRange(offset, 0, 29));
        Assert.True(offsets.Distinct().Count() > 20);
    }

    [Fact]
    public void AStepInTheSecondsFieldIsShiftedWithinItsStep()
    {
        var shifted = Enumerable.Range(0, 100)
            .Select(i => ScheduleJitter.Apply("0/10 * * * * ?", $"s{i}", MaxJitter))
            .ToList();

        Assert.All(shifted, cron => Assert.Matches(@"^[0-4]/10 \* \* \* \* \?$", cron));
        Assert.Contains(shifted, cron => !cron.StartsWith('0'));
    }

    [Fact]
    public void ATwoSecondScheduleAndAListOfSecondsStayAsWritten()
    {
        Assert.Equal("*/2 * * * * ?", ScheduleJitter.Apply("*/2 * * * * ?", "any", MaxJitter));
        Assert.Equal("0,30 * * * * ?", ScheduleJitter.Apply("0,30 * * * * ?", "source-7", MaxJitter));
    }
}
