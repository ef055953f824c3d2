namespace SafetyCert.Host.Functions;

/// <summary>
/// A timer's persisted status, in the shape Azure Functions keeps it. <see cref="Last"/> is
/// <see cref="DateTimeOffset.MinValue"/> until the first run.
/// </summary>
public sealed record ScheduleStatus(DateTimeOffset Last, DateTimeOffset Next, DateTimeOffset LastUpdated);
