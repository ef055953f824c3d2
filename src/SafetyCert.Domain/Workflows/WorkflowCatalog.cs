using System.Collections.Frozen;
using SafetyCert.Domain.Calendar;
using SafetyCert.Domain.Profiles;
using SafetyCert.Domain.Workflows.Applications;

namespace SafetyCert.Domain.Workflows;

/// <summary>Every lifecycle workflow, by kind, built over one calendar and one set of profiles.</summary>
public static class WorkflowCatalog
{
    public static FrozenDictionary<string, IWorkflow> Create(WorkingDayCalendar calendar, ProfileCatalog profiles)
    {
        IWorkflow[] workflows =
        [
            new ApplicationWorkflow(calendar, profiles),
        ];
        return workflows.ToFrozenDictionary(w => w.Kind, StringComparer.Ordinal);
    }
}
