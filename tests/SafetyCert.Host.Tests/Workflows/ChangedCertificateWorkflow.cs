using NodaTime;
using SafetyCert.Domain.Workflows;
using SafetyCert.Domain.Workflows.Certificates;

namespace SafetyCert.Host.Tests.Workflows;

/// <summary>The certificate decider of a later deployment: the same rules, except that a licence lapse is now refused.</summary>
internal sealed class ChangedCertificateWorkflow(CertificateWorkflow current) : IWorkflow
{
    public const string Refusal = "Changed rule: a licence lapse is recorded by the licensing authority's feed.";

    public string Kind => current.Kind;

    public Type StateType => current.StateType;

    public IWorkflowState Initial => current.Initial;

    public Decision Decide(IWorkflowState state, WorkflowEvent @event, Instant now) =>
        @event is LicenceLapsed ? Decision.Reject(Refusal) : current.Decide(state, @event, now);
}
