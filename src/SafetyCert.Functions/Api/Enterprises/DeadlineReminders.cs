using SafetyCert.Domain.Workflows;
using SafetyCert.Domain.Workflows.Accreditations;
using SafetyCert.Domain.Workflows.Applications;
using SafetyCert.Domain.Workflows.Certificates;
using SafetyCert.Domain.Workflows.Remediation;
using SafetyCert.Domain.Workflows.SelfAssessments;

namespace SafetyCert.Functions.Api.Enterprises;

/// <summary>Which of a workflow's pending timers sends a reminder of which of its deadlines: the alarms of the <c>.ics</c> feed.</summary>
internal static class DeadlineReminders
{
    public static bool Reminds(string workflowKind, string deadline, string timerId) => (workflowKind, deadline) switch
    {
        (WorkflowKinds.Certificate, "renewal-application") =>
            timerId == CertificateWorkflow.RenewalWindowTimer || timerId.StartsWith(CertificateWorkflow.RenewalReminderTimerPrefix, StringComparison.Ordinal),
        (WorkflowKinds.Certificate, "follow-up-visit") => timerId == CertificateWorkflow.FollowUpReminderTimer,
        (WorkflowKinds.SelfAssessment, _) => timerId.StartsWith(SelfAssessmentWorkflow.ReminderTimerPrefix, StringComparison.Ordinal),
        (WorkflowKinds.Remediation, _) => timerId.StartsWith(RemediationWorkflow.ReminderTimerPrefix, StringComparison.Ordinal),
        (WorkflowKinds.Accreditation, _) => timerId.StartsWith(AccreditationWorkflow.ReminderTimerPrefix, StringComparison.Ordinal),
        (WorkflowKinds.Application, ApplicationWorkflow.MaterialReviewDeadline) => timerId == ApplicationWorkflow.MaterialReviewWarningTimer,
        (WorkflowKinds.Application, ApplicationWorkflow.ReviewDeadline) => timerId == ApplicationWorkflow.ReviewWarningTimer,
        _ => false,
    };
}
