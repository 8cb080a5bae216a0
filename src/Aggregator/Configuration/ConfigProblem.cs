namespace Aggregator.Configuration;

/// <summary>One problem in feeds.json, located like a compiler error so editors can jump to it.</summary>
internal sealed record ConfigProblem(string File, int Line, int Column, string Message)
{
    public override string ToString() => $"{File}:{Line}:{Column}: {Message}";
}
