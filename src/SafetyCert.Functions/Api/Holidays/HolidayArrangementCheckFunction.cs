using System.Collections.Immutable;
using System.Globalization;
using Microsoft.Azure.Functions.Worker;
using NodaTime;
using SafetyCert.Domain.Calendar;
using SafetyCert.Domain.Time;
using SafetyCert.Domain.Workflows;
using SafetyCert.Functions.Notifications;

namespace SafetyCert.Functions.Api.Holidays;

/// <summary>
/// Every day of December at 09:00 Beijing time: warns and tells the administrators when next year's holiday arrangement
/// is neither shipped with the product nor stored, since deadlines reaching into next year would be counted on the plain
/// week. A stored year counts: it is in force from the next start. (The function does not take the registered calendar,
/// which reads storage when built; listing the functions must not.)
/// </summary>
internal sealed partial class HolidayArrangementCheckFunction(
    HolidayArrangementStore store, INotificationOutbox outbox, IClock clock, ILogger<HolidayArrangementCheckFunction> logger)
{
    public const string Name = "HolidayArrangementCheck";

    public const string WorkflowKind = "calendar";

    // 01:00 UTC every day of December is 09:00 Beijing time (UTC+8) the same day.
    [Function(Name)]
    public async Task RunAsync([TimerTrigger("0 0 1 * 12 *")] TimerInfo timer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(timer);
        var today = OccurredOn(timer, clock.GetCurrentInstant());
        var next = today.Year + 1;
        if (WorkingDayCalendar.China.PublishedYears.Contains(next) || (await store.GetAsync(next, cancellationToken)).Count > 0)
        {
            return;
        }

        Missing(logger, next);
        var notice = new Notify(NoticeKinds.HolidayArrangementMissing, Party.Administrator, today, NoticeClass.Mandatory,
            "RULES.md §4.1: deadlines in working days follow the State Council arrangement [holidays]",
            ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, new Dictionary<string, string>
            {
                ["year"] = next.ToString(CultureInfo.InvariantCulture),
                ["provisionalFrom"] = NoticeFactDate(new LocalDate(next, 1, 1)),
            }));
        await outbox.EnqueueAsync(new NotificationRequest(WorkflowKind, $"arrangement-{next}", 1, notice), cancellationToken);
    }

    /// <summary>
    /// The day the run was scheduled for: a run that catches up late (past due: the host was down on 31 December) asks
    /// about the year after that day, not after the day it happens to run.
    /// </summary>
    internal static LocalDate OccurredOn(TimerInfo timer, Instant now)
    {
        if (timer.IsPastDue && timer.ScheduleStatus is { } status && status.Next > DateTime.MinValue && status.Next < DateTime.MaxValue)
        {
            var due = Instant.FromDateTimeUtc(DateTime.SpecifyKind(status.Next, DateTimeKind.Utc));
            if (due < now)
            {
                return ShanghaiTime.DateOf(due);
            }
        }

        return ShanghaiTime.DateOf(now);
    }

    private static string NoticeFactDate(LocalDate date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [LoggerMessage(1, LogLevel.Warning, "The {Year} holiday arrangement is not loaded: working-day deadlines reaching into {Year} are provisional.")]
    private static partial void Missing(ILogger logger, int year);
}
