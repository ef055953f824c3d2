namespace SafetyCert.Functions.Documents;

/// <summary>An upload broke a rule of <see cref="DocumentOptions"/> or <see cref="DocumentMediaTypes"/>; nothing was stored.</summary>
public sealed class DocumentRejectedException : Exception
{
    public DocumentRejectedException()
    {
    }

    public DocumentRejectedException(string message)
        : base(message)
    {
    }

    public DocumentRejectedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public DocumentRejectedException(DocumentRejection reason, string message)
        : base(message)
    {
        Reason = reason;
    }

    public DocumentRejection Reason { get; }
}
