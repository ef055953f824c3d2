using System.Collections.Immutable;
using System.Globalization;
using Microsoft.Azure.Functions.Worker;
using NodaTime;
using SafetyCert.Domain.Calendar;
using SafetyCert.Domain.Workflows;
using SafetyCert.Functions.Api.Applications;
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
        var today = ApplicationApi.Today(clock);
        var next = today.Year + 1;
        if (WorkingDayCalendar.China.PublishedYears.Contains(next) || (await store.GetAsync(next, cancellationToken)).Count > 0)
        {
            return;
        }

        Missing(logger, next);
        var notice = new Notify(NoticeKinds.HolidayArrangementMissing, Party.Administrator, today, NoticeClass.Mandatory,
            "RULES.md: deadlines in working days need the State Council arrangement",
            ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, new Dictionary<string, string>
            {
                ["year"] = next.ToString(CultureInfo.InvariantCulture),
                ["provisionalFrom"] = NoticeFactDate(new LocalDate(next, 1, 1)),
            }));
        await outbox.EnqueueAsync(new NotificationRequest(WorkflowKind, $"arrangement-{next}", 1, notice), cancellationToken);
    }

    private static string NoticeFactDate(LocalDate date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [LoggerMessage(1, LogLevel.Warning, "The {Year} holiday arrangement is not loaded: working-day deadlines reaching into {Year} are provisional.")]
    private static partial void Missing(ILogger logger, int year);
}
