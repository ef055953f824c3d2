using Microsoft.Extensions.DependencyInjection.Extensions;
using NodaTime;
using SafetyCert.Domain.Calendar;
using SafetyCert.Domain.Profiles;
using SafetyCert.Functions.Access;
using SafetyCert.Functions.Api;
using SafetyCert.Functions.Api.Holidays;
using SafetyCert.Functions.Documents;
using SafetyCert.Functions.Notifications;
using SafetyCert.Functions.Operations;
using SafetyCert.Functions.Storage;
using SafetyCert.Functions.Workflows;

namespace SafetyCert.Functions;

/// <summary>Everything the functions need, registered once for both hosts: the Functions worker and the local runtime.</summary>
public static class SafetyCertServices
{
    /// <summary>
    /// Registers the app's modules. A clock registered before (the development clock, a fake one in tests) is kept. The
    /// workflows decide over the embedded holiday calendar with the years an administrator stored laid over it, read now.
    /// </summary>
    public static IServiceCollection AddSafetyCert(this IServiceCollection services, IConfiguration configuration, bool loadStoredCalendar = true)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.TryAddSingleton<IClock>(SystemClock.Instance);
        services.TryAddSingleton(TimeProvider.System);
        services.AddProblemDetails();
        services.AddSafetyCertStorage(configuration);
        services.AddAccess();
        var calendar = loadStoredCalendar ? HolidayArrangementStore.LoadCalendar(configuration, WorkingDayCalendar.China) : WorkingDayCalendar.China;
        services.AddLifecycleWorkflows(calendar, ProfileCatalog.Embedded);
        services.AddNotifications(configuration);
        services.AddDocuments(configuration);
        services.AddApi();
        services.AddSafetyCertTelemetry(configuration);
        return services;
    }
}
