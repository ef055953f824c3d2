using System.Runtime.CompilerServices;
using NodaTime;
using SafetyCert.Domain.Workflows;
using SafetyCert.Functions.Workflows;

namespace SafetyCert.Functions.Notifications.Digest;

/// <summary>
/// The open deadlines of every running workflow instance, read from the projection the workflows keep (each state's
/// <see cref="IWorkflowState.Deadlines"/>, the same deadlines the due index times). The projection, not the due index,
/// is the source: a deadline stays open there after its overdue timer fired and left the index, until the workflow
/// meets it — so the digest lists what is overdue as well as what is due soon.
/// </summary>
internal sealed class WorkflowDeadlineFeed(WorkflowStore store, WorkflowSet workflows) : IDeadlineFeed
{
    public async IAsyncEnumerable<DigestDeadline> OpenAsync(LocalDate until, [EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var instance in store.ListAsync(kind: null, runningOnly: true, ct).ConfigureAwait(false))
        {
            var open = instance.Deadlines.Where(d => d.Due <= until).ToList();
            if (open.Count == 0)
            {
                continue;
            }

            var facts = workflows.Get(instance.Kind).ScopeOf(workflows.ReadState(instance.Kind, instance.StateJson));
            var enterpriseId = facts.GetValueOrDefault(NoticeFactNames.EnterpriseId) ?? facts.GetValueOrDefault(NoticeFactNames.ReviewUnitId) ?? instance.InstanceId;
            foreach (var deadline in open)
            {
                yield return new DigestDeadline(
                    enterpriseId,
                    facts.GetValueOrDefault(NoticeFactNames.EnterpriseName),
                    deadline.Name,
                    deadline.Due,
                    deadline.Rule,
                    facts.GetValueOrDefault(NoticeFactNames.CertificateNumber),
                    facts);
            }
        }
    }
}
