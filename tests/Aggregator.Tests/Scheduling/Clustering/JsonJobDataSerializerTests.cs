using System.Collections.Specialized;
using Aggregator.Scheduling.Clustering;
using Quartz;

namespace Aggregator.Tests.Scheduling.Clustering;

public sealed class JsonJobDataSerializerTests
{
    private readonly JsonJobDataSerializer serializer = new();

    [Fact]
    public void StringPropertiesRoundTrip()
    {
        var properties = new NameValueCollection { ["sourceId"] = "stcn-要闻", ["empty"] = "" };

        var back = serializer.DeSerialize<NameValueCollection>(serializer.Serialize(properties))!;

        Assert.Equal("stcn-要闻", back["sourceId"]);
        Assert.Equal("", back["empty"]);
        Assert.Equal(2, back.Count);
    }

    [Fact]
    public void AJobDataMapOfStringsRoundTrips()
    {
        var map = new JobDataMap { ["sourceId"] = "cls" };

        var back = serializer.DeSerialize<JobDataMap>(serializer.Serialize(map))!;

        Assert.Equal("cls", back.GetString("sourceId"));
    }

    [Fact]
    public void NonStringJobDataIsRefusedNamingTheKey()
    {
        var map = new JobDataMap { ["count"] = 3 };

        var error = Assert.Throws<NotSupportedException>(() => serializer.Serialize(map));

        Assert.Equal("scheduling: job data 'count' is a Int32; the clustered job store keeps strings only.", error.Message);
    }

    [Fact]
    public void OtherObjectsAreRefused()
    {
        Assert.Throws<NotSupportedException>(() => serializer.Serialize(new Uri("https://example.com/")));
        Assert.Throws<NotSupportedException>(() => serializer.DeSerialize<Uri>("{}"u8.ToArray()));
    }
}
