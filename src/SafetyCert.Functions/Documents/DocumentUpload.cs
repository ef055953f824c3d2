namespace SafetyCert.Functions.Documents;

/// <summary>The outcome of an upload: the document, and whether this upload created it or found it already there.</summary>
public sealed record DocumentUpload(Document Document, bool Created);
