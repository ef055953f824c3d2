namespace SafetyCert.Functions.Documents;

/// <summary>Why an upload was refused before anything was written.</summary>
public enum DocumentRejection
{
    UnknownKind,
    Empty,
    TooLarge,
    MediaTypeNotAllowed,
    ContentContradictsMediaType,
}
