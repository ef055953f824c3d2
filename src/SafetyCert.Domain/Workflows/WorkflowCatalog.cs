using System.Collections.Frozen;
using SafetyCert.Domain.Calendar;
using SafetyCert.Domain.Profiles;
using SafetyCert.Domain.Workflows.Accreditations;
using SafetyCert.Domain.Workflows.Applications;
using SafetyCert.Domain.Workflows.Certificates;
using SafetyCert.Domain.Workflows.Remediation;
using SafetyCert.Domain.Workflows.Revocations;
using SafetyCert.Domain.Workflows.SelfAssessments;

namespace SafetyCert.Domain.Workflows;

/// <summary>Every lifecycle workflow, by kind, built over one calendar and one set of profiles.</summary>
public static class WorkflowCatalog
{
    public static FrozenDictionary<string, IWorkflow> Create(WorkingDayCalendar calendar, ProfileCatalog profiles)
    {
        IWorkflow[] workflows =
        [
            new ApplicationWorkflow(calendar, profiles),
            new CertificateWorkflow(calendar, profiles),
            new RevocationWorkflow(calendar, profiles),
            new SelfAssessmentWorkflow(calendar, profiles),
            new RemediationWorkflow(calendar, profiles),
            new AccreditationWorkflow(calendar, profiles),
        ];
        return workflows.ToFrozenDictionary(w => w.Kind, StringComparer.Ordinal);
    }
}
