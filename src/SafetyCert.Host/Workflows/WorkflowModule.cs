using NodaTime;
using SafetyCert.Domain.Calendar;
using SafetyCert.Domain.Profiles;
using SafetyCert.Domain.Workflows;
using SafetyCert.Engine.Workflows;
using SafetyCert.Host.Api.Holidays;
using SafetyCert.Host.Functions;

namespace SafetyCert.Host.Workflows;

/// <summary>The lifecycle workflows on the durable engine, with the functions that drive them.</summary>
internal static class WorkflowModule
{
    /// <summary>
    /// Registers the engine over every workflow of <see cref="WorkflowCatalog"/>, the calendar (with the holiday
    /// arrangements stored in <see cref="HolidayArrangementStore"/> laid over it, read once at start) and profiles
    /// they use, the timer sweep and the events queue function. A registered <see cref="IClock"/> (the development
    /// clock) is kept.
    /// </summary>
    /// <summary>Whether to lay the stored holiday arrangements over the calendar; on unless set to <c>false</c>.</summary>
    public const string StoredYearsSetting = "Calendar:StoredYears";

    public static IServiceCollection AddLifecycleWorkflows(this IServiceCollection services, WorkingDayCalendar calendar, ProfileCatalog profiles)
    {
        services.AddSingleton(profiles);
        services.AddSingleton<HolidayArrangementStore>();
        // The stored holiday arrangements are laid over the given calendar once, when the engine is first needed.
        // Commands that only read the function catalog (functions, package) set Calendar:StoredYears=false and
        // so need no storage.
        services.AddSingleton(provider =>
            provider.GetRequiredService<IConfiguration>()[StoredYearsSetting] is "false"
                ? calendar
                : provider.GetRequiredService<HolidayArrangementStore>().CalendarAsync(calendar, CancellationToken.None).GetAwaiter().GetResult());
        services.AddWorkflowEngine(provider =>
        {
            var registry = new WorkflowRegistry();
            foreach (var workflow in WorkflowCatalog.Create(provider.GetRequiredService<WorkingDayCalendar>(), profiles).Values)
            {
                registry.Add(workflow);
            }

            return registry;
        });
        services.AddFunctions(functions => functions
            .AddTimer<TimerSweepFunction>()
            .AddQueue<WorkflowEventsFunction>());
        return services;
    }
}
