using SafetyCert.Domain.Calendar;
using SafetyCert.Domain.Profiles;

namespace SafetyCert.Functions.Workflows;

public static class WorkflowServiceCollectionExtensions
{
    /// <summary>
    /// Registers the lifecycle deciders over <paramref name="calendar"/> and <paramref name="profiles"/>, the projection
    /// and audit store, the due index and its sweep, and the client that starts and signals orchestrations.
    /// </summary>
    public static IServiceCollection AddLifecycleWorkflows(this IServiceCollection services, WorkingDayCalendar calendar, ProfileCatalog profiles)
    {
        services.AddSingleton(calendar);
        services.AddSingleton(profiles);
        services.AddSingleton(new WorkflowSet(calendar, profiles));
        services.AddSingleton<WorkflowStore>();
        services.AddSingleton<WorkflowClients>();
        services.AddSingleton<DueIndex>();
        services.AddSingleton<DueIndexSweeper>();
        // The daily digest's due-soon and overdue sections read the deadlines the workflows keep.
        services.AddSingleton<Notifications.Digest.IDeadlineFeed, Notifications.Digest.WorkflowDeadlineFeed>();
        return services;
    }
}
