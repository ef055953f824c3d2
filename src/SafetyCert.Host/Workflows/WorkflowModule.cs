using NodaTime;
using SafetyCert.Domain.Calendar;
using SafetyCert.Domain.Profiles;
using SafetyCert.Domain.Workflows;
using SafetyCert.Engine.Workflows;
using SafetyCert.Host.Functions;

namespace SafetyCert.Host.Workflows;

/// <summary>The lifecycle workflows on the durable engine, with the functions that drive them.</summary>
internal static class WorkflowModule
{
    /// <summary>
    /// Registers the engine over every workflow of <see cref="WorkflowCatalog"/>, the calendar and profiles
    /// they use, the timer sweep and the events queue function. A registered <see cref="IClock"/> (the
    /// development clock) is kept.
    /// </summary>
    public static IServiceCollection AddLifecycleWorkflows(this IServiceCollection services, WorkingDayCalendar calendar, ProfileCatalog profiles)
    {
        services.AddSingleton(calendar);
        services.AddSingleton(profiles);
        var registry = new WorkflowRegistry();
        foreach (var workflow in WorkflowCatalog.Create(calendar, profiles).Values)
        {
            registry.Add(workflow);
        }

        services.AddWorkflowEngine(registry);
        services.AddFunctions(functions => functions
            .AddTimer<TimerSweepFunction>()
            .AddQueue<WorkflowEventsFunction>());
        return services;
    }
}
