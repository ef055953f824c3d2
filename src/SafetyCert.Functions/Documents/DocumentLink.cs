namespace SafetyCert.Functions.Documents;

/// <summary>A read-only link to a document's content that stops working at <see cref="ExpiresOn"/>.</summary>
public sealed record DocumentLink(Uri Uri, DateTimeOffset ExpiresOn);
