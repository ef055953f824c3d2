namespace SafetyCert.Functions.Storage;

/// <summary>
/// A batch broke an entity-group transaction rule (at most 100 entities, one partition, 4 MiB). Thrown
/// before anything is sent: Azurite accepts some of these, Azure does not.
/// </summary>
public sealed class TableBatchLimitException : InvalidOperationException
{
    public TableBatchLimitException()
    {
    }

    public TableBatchLimitException(string message)
        : base(message)
    {
    }

    public TableBatchLimitException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
