namespace SafetyCert.Functions.Documents;

internal static partial class DocumentsLog
{
    [LoggerMessage(EventId = 6001, Level = LogLevel.Information, Message = "Stored {Kind} content {Sha256} ({Size} bytes)")]
    public static partial void Stored(ILogger logger, string kind, string sha256, long size);

    [LoggerMessage(EventId = 6002, Level = LogLevel.Debug, Message = "{Kind} content {Sha256} is already stored; not written again")]
    public static partial void AlreadyStored(ILogger logger, string kind, string sha256);

    [LoggerMessage(EventId = 6003, Level = LogLevel.Information, Message = "Document {DocumentId} of {Owner} recorded, uploaded by {UploadedBy}")]
    public static partial void Recorded(ILogger logger, string documentId, string owner, string uploadedBy);

    [LoggerMessage(EventId = 6004, Level = LogLevel.Information, Message = "Document {DocumentId} of {Owner} was already recorded; upload by {UploadedBy} changes nothing")]
    public static partial void AlreadyRecorded(ILogger logger, string documentId, string owner, string uploadedBy);

    [LoggerMessage(EventId = 6005, Level = LogLevel.Information, Message = "{Kind} upload for {Owner} by {UploadedBy} refused ({Reason}): {Detail}")]
    public static partial void Rejected(ILogger logger, string kind, string owner, string uploadedBy, DocumentRejection reason, string detail);

    [LoggerMessage(EventId = 6006, Level = LogLevel.Information, Message = "Download link for {DocumentId} of {Owner} signed with the {Signature}, valid until {ExpiresOn:o}")]
    public static partial void LinkIssued(ILogger logger, string documentId, string owner, string signature, DateTimeOffset expiresOn);
}
