using System.Reflection;
using Cronos;
using Microsoft.Azure.Functions.Worker;

namespace SafetyCert.Host.Tests.Support;

/// <summary>The NCRONTAB schedule a timer function declares, read from its attribute and evaluated in UTC as Flex Consumption does.</summary>
internal static class TimerSchedule
{
    public static DateTimeOffset NextAfter<TFunction>(DateTimeOffset after)
    {
        var trigger = typeof(TFunction).GetMethods()
            .SelectMany(m => m.GetParameters())
            .Select(p => p.GetCustomAttribute<TimerTriggerAttribute>())
            .OfType<TimerTriggerAttribute>()
            .Single();
        var next = CronExpression.Parse(trigger.Schedule, CronFormat.IncludeSeconds).GetNextOccurrence(after.UtcDateTime, TimeZoneInfo.Utc);
        return new DateTimeOffset(next ?? throw new InvalidOperationException($"{typeof(TFunction).Name} never fires after {after}."), TimeSpan.Zero);
    }
}
