using Cronos;

namespace SafetyCert.Host.Functions;

/// <summary>
/// A six-field NCRONTAB schedule read in Asia/Shanghai, the zone every deadline of the app lives in,
/// whatever zone the machine or the Functions host runs in.
/// </summary>
public sealed class TimerSchedule
{
    private readonly CronExpression expression;

    private TimerSchedule(string text, CronExpression expression)
    {
        Text = text;
        this.expression = expression;
    }

    public static TimeZoneInfo Zone { get; } = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    public string Text { get; }

    /// <summary>Parses a six-field expression (seconds first) or says which function and text were wrong.</summary>
    public static TimerSchedule Parse(string functionName, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        try
        {
            return new TimerSchedule(text, CronExpression.Parse(text, CronFormat.IncludeSeconds));
        }
        catch (CronFormatException e)
        {
            throw new FormatException(
                $"Timer function '{functionName}' has schedule '{text}', which is not a six-field NCRONTAB expression " +
                $"(second minute hour day month day-of-week): {e.Message}",
                e);
        }
    }

    /// <summary>The first occurrence strictly after <paramref name="after"/>, or null when the schedule never fires again.</summary>
    public DateTimeOffset? NextAfter(DateTimeOffset after) =>
        expression.GetNextOccurrence(after, Zone, inclusive: false);
}
