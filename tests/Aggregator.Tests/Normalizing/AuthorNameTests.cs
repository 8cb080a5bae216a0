using Aggregator.Normalizing;

namespace Aggregator.Tests.Normalizing;

public sealed class AuthorNameTests
{
    [Theory]
    [InlineData("Example editor (me@example.com)", "Example editor")]
    [InlineData("me@example.com (Example editor)", "Example editor")]
    [InlineData("Example editor <me@example.com>", "Example editor")]
    [InlineData("me@example.com", "me@example.com")]
    [InlineData("张三 (记者)", "张三 (记者)")]
    public void TheReadableNameIsKeptWithoutTheMailAddress(string raw, string expected)
    {
        Assert.Equal(expected, AuthorName.Clean(raw));
    }
}
