using NodaTime;
using SafetyCert.Domain.Workflows;

namespace SafetyCert.Engine.Workflows;

/// <summary>
/// An event on its way through <see cref="WorkflowStorageNames.EventsQueue"/>: the instance, the caller's
/// event id (the idempotency key), who raised it and when (the decider's <c>now</c>).
/// </summary>
/// <param name="Kind">The workflow kind.</param>
/// <param name="InstanceId">The instance id within the kind.</param>
/// <param name="EventId">The idempotency key of the event within the instance.</param>
/// <param name="Actor">Who raised the event.</param>
/// <param name="EnqueuedAt">When it was raised; the decider's <c>now</c>.</param>
/// <param name="Event">The event.</param>
/// <param name="Start">True when the event starts the instance (idempotent by instance id).</param>
public sealed record EventEnvelope(
    string Kind,
    string InstanceId,
    string EventId,
    string Actor,
    Instant EnqueuedAt,
    WorkflowEvent Event,
    bool Start = false);
