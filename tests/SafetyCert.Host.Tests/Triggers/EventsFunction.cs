namespace SafetyCert.Host.Tests.Triggers;

/// <summary>A queue function registered through DI, as the app's own functions are.</summary>
public sealed class EventsFunction() : RecordingQueueFunction("Events", "events");
