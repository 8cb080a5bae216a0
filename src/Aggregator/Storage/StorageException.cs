namespace Aggregator.Storage;

/// <summary>A storage failure whose message names the stage, the database and the reason.</summary>
internal sealed class StorageException : Exception
{
    public StorageException(string message)
        : base(message)
    {
    }

    public StorageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
