namespace Aggregator.Fetching;

/// <summary>A poll that failed for a reason already put into one readable sentence; never escapes the fetch stage.</summary>
internal sealed class FetchFailedException : Exception
{
    public FetchFailedException()
    {
    }

    public FetchFailedException(string message)
        : base(message)
    {
    }

    public FetchFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
