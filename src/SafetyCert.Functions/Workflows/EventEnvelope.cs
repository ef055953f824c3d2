namespace SafetyCert.Functions.Workflows;

/// <summary>
/// An event on its way to an instance: who raised it, the business time it was accepted at (the decider's
/// <c>now</c>), and the event as JSON with its type discriminator, so Durable carries it as plain data.
/// </summary>
public sealed record EventEnvelope(string EventId, string Actor, DateTimeOffset At, string EventJson);
