namespace SafetyCert.Functions.Storage;

/// <summary>
/// A write lost a race: the ETag no longer matches, or the entity already exists. The caller reloads
/// and decides again.
/// </summary>
public sealed class StorageConflictException : Exception
{
    public StorageConflictException()
    {
    }

    public StorageConflictException(string message)
        : base(message)
    {
    }

    public StorageConflictException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
