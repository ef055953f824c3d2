using System.Text.RegularExpressions;
using Cronos;

namespace SafetyCert.Host.Local;

/// <summary>
/// A timer trigger's NCRONTAB schedule (six fields with seconds first, or five without), evaluated in UTC as Flex
/// Consumption evaluates it. Cronos parses it; what Cronos accepts beyond NCRONTAB is refused, so it runs in Azure too.
/// </summary>
internal sealed partial class TimerSchedule
{
    private readonly CronExpression cron;

    private TimerSchedule(string expression, CronExpression cron, bool isMonitored)
    {
        Expression = expression;
        this.cron = cron;
        IsMonitored = isMonitored;
    }

    public string Expression { get; }

    /// <summary>
    /// False for schedules firing more than once a minute, which Functions does not monitor: no past-due run, no
    /// schedule status handed to the function.
    /// </summary>
    public bool IsMonitored { get; }

    public static TimerSchedule Parse(string functionName, string expression)
    {
        var fields = expression.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length is not (5 or 6))
        {
            var hint = TimeSpan.TryParse(expression, System.Globalization.CultureInfo.InvariantCulture, out _)
                ? "TimeSpan schedules run on App Service plans only, not on Flex Consumption; write NCRONTAB"
                : "NCRONTAB has six fields (second minute hour day month day-of-week) or five";
            throw Refuse(functionName, expression, hint);
        }

        if (fields.Any(f => NonNcrontab().IsMatch(Names().Replace(f.ToUpperInvariant(), ""))))
        {
            throw Refuse(functionName, expression, "L, W, # and ? are Cronos extensions that NCRONTAB does not know");
        }

        CronExpression cron;
        try
        {
            cron = CronExpression.Parse(expression, fields.Length == 6 ? CronFormat.IncludeSeconds : CronFormat.Standard);
        }
        catch (CronFormatException e)
        {
            throw new InvalidOperationException($"Function '{functionName}' cannot run locally: schedule '{expression}': {e.Message}", e);
        }

        // As Functions decides it: only "X * * * * *" can fire more than once a minute; count its firings in one minute.
        var reference = new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var subMinute = fields.Length == 6 && fields.Skip(1).All(f => f == "*")
            && cron.GetOccurrences(reference, reference.AddMinutes(1), TimeZoneInfo.Utc, fromInclusive: false, toInclusive: true).Skip(1).Any();
        return new TimerSchedule(expression, cron, !subMinute);
    }

    /// <summary>The first occurrence strictly after <paramref name="instant"/>; <see langword="null"/> when there is none.</summary>
    public DateTimeOffset? NextAfter(DateTimeOffset instant) => cron.GetNextOccurrence(instant, TimeZoneInfo.Utc);

    public override string ToString() => Expression;

    private static InvalidOperationException Refuse(string functionName, string expression, string reason) =>
        new($"Function '{functionName}' cannot run locally: schedule '{expression}' is not NCRONTAB: {reason}.");

    [GeneratedRegex("JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC|SUN|MON|TUE|WED|THU|FRI|SAT")]
    private static partial Regex Names();

    [GeneratedRegex("[LW#?]")]
    private static partial Regex NonNcrontab();
}
