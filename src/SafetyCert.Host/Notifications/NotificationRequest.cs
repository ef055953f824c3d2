using SafetyCert.Domain.Workflows;

namespace SafetyCert.Host.Notifications;

/// <summary>
/// A <see cref="Notify"/> effect as the engine hands it over after committing the transition that produced it.
/// </summary>
/// <param name="Kind">The workflow kind (see <see cref="WorkflowKinds"/>).</param>
/// <param name="InstanceId">The workflow instance, unique within its kind.</param>
/// <param name="Sequence">The history sequence of the transition; recorded, but not part of the delivery identity,
/// so a transition carried out twice still delivers once.</param>
/// <param name="Notice">The notice itself.</param>
internal sealed record NotificationRequest(string Kind, string InstanceId, long Sequence, Notify Notice);
