namespace SafetyCert.Host.Tests.Triggers;

public sealed record LogEntry(int EventId, string Message, IReadOnlyDictionary<string, object?> Values, Exception? Exception);
