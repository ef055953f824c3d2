using System.Collections.Immutable;
using NodaTime;
using SafetyCert.Domain.Calendar;
using SafetyCert.Domain.Workflows;
using SafetyCert.Engine.Notifications;
using SafetyCert.Host.Api.Applications;
using SafetyCert.Host.Functions;

namespace SafetyCert.Host.Api.Holidays;

/// <summary>
/// Every day of December at 09:00 Beijing time: warns and tells the administrators when next year's holiday arrangement
/// is neither in force nor stored, since deadlines reaching into next year would be counted on the plain week.
/// </summary>
internal sealed partial class HolidayArrangementCheckFunction(
    WorkingDayCalendar calendar, HolidayArrangementStore store, INotificationOutbox outbox, IClock clock, ILogger<HolidayArrangementCheckFunction> logger) : ITimerFunction
{
    public const string WorkflowKind = "calendar";

    public string Name => "HolidayArrangementCheck";

    public string Schedule => "0 0 9 * 12 *";

    public async Task RunAsync(TimerInfo info, CancellationToken cancellationToken)
    {
        var today = ApplicationApi.Today(clock);
        var next = today.Year + 1;
        if (calendar.PublishedYears.Contains(next))
        {
            return;
        }

        if ((await store.GetAsync(next, cancellationToken)).Count > 0)
        {
            StoredNotLoaded(logger, next);
            return;
        }

        Missing(logger, next);
        var notice = new Notify(NoticeKinds.HolidayArrangementMissing, Party.Administrator, today, NoticeClass.Mandatory,
            "RULES.md: deadlines in working days need the State Council arrangement", ImmutableSortedDictionary<string, string>.Empty.WithComparers(StringComparer.Ordinal));
        await outbox.EnqueueAsync(new NotificationRequest(WorkflowKind, $"arrangement-{next}", 1, notice), cancellationToken);
    }

    [LoggerMessage(1, LogLevel.Warning, "The {Year} holiday arrangement is not loaded: working-day deadlines reaching into {Year} are provisional.")]
    private static partial void Missing(ILogger logger, int year);

    [LoggerMessage(2, LogLevel.Warning, "The {Year} holiday arrangement is stored but not loaded; it applies after the host restarts.")]
    private static partial void StoredNotLoaded(ILogger logger, int year);
}
