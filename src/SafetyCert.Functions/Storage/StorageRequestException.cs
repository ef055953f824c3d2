namespace SafetyCert.Functions.Storage;

/// <summary>Azure Storage refused a request for a reason other than a lost race.</summary>
public sealed class StorageRequestException : Exception
{
    public StorageRequestException()
    {
    }

    public StorageRequestException(string message)
        : base(message)
    {
    }

    public StorageRequestException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public StorageRequestException(string message, int status, string? errorCode, Exception innerException)
        : base(message, innerException)
    {
        Status = status;
        ErrorCode = errorCode;
    }

    /// <summary>The HTTP status Azure answered with.</summary>
    public int Status { get; }

    /// <summary>Azure's error code, e.g. <c>EntityTooLarge</c>.</summary>
    public string? ErrorCode { get; }
}
