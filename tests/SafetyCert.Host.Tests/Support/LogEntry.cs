namespace SafetyCert.Host.Tests.Support;

public sealed record LogEntry(int EventId, string Message, IReadOnlyDictionary<string, object?> Values, Exception? Exception);
