namespace SafetyCert.Functions.Workflows;

/// <summary>Part of an instance's history; <paramref name="NextSequence"/> asks for the next page, null at the end.</summary>
public sealed record HistoryPage(IReadOnlyList<HistoryEntry> Entries, long? NextSequence);
