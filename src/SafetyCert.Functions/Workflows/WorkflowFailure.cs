using NodaTime;

namespace SafetyCert.Functions.Workflows;

/// <summary>An event that could not be processed after every retry; it waits in the poison queue.</summary>
public sealed record WorkflowFailure(string EventId, string Reason, Instant At, long Deliveries);
