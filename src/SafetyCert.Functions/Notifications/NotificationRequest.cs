using SafetyCert.Domain.Workflows;

namespace SafetyCert.Functions.Notifications;

/// <summary>A notice decided by the transition <paramref name="Sequence"/> of an instance.</summary>
/// <param name="Kind">The workflow kind of the instance.</param>
/// <param name="InstanceId">The instance that decided the notice.</param>
/// <param name="Sequence">The history sequence of the transition that decided it.</param>
/// <param name="Notice">What to send; its own identity (instance, kind, due date, recipient) keys the delivery.</param>
public sealed record NotificationRequest(string Kind, string InstanceId, long Sequence, Notify Notice);
