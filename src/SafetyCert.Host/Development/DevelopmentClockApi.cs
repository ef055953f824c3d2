using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;
using NodaTime.Text;
using SafetyCert.Domain.Time;
using SafetyCert.Functions.Workflows;

namespace SafetyCert.Host.Development;

/// <summary>
/// <c>/dev/clock</c>, mapped only in Development: read the clock, or move it forward and sweep the workflow
/// timers it passed at once, in due order, so a jump of months fires everything that came due.
/// </summary>
internal static class DevelopmentClockApi
{
    public const string Path = "/dev/clock";

    private static readonly OffsetDateTimePattern ZonedPattern = OffsetDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm':'ss;FFFFFFFo<+HH:mm>");

    public static IEndpointRouteBuilder MapDevelopmentClockApi(this IEndpointRouteBuilder endpoints)
    {
        var clock = endpoints.MapGroup(Path).WithTags("Development");
        clock.MapGet("/", Read);
        clock.MapPost("/", ChangeAsync);
        return endpoints;
    }

    public static Ok<ClockReading> Read(DevelopmentClock clock) => TypedResults.Ok(ReadingOf(clock, clock.GetCurrentInstant()));

    public static async Task<Results<Ok<ClockReading>, ProblemHttpResult>> ChangeAsync(
        ClockChange change, DevelopmentClock clock, DueIndexSweeper sweeper, Microsoft.DurableTask.Client.DurableTaskClient durable, CancellationToken cancellationToken)
    {
        // Timer functions the move makes due wait until the workflows have taken the timers it passed.
        using var move = await clock.BeginMoveAsync(cancellationToken);

        // Sweep up to the present first: a store never swept has no watermark, and a first sweep after the jump
        // would look back only MaxCatchUpHours from the new time, skipping every timer in between.
        await sweeper.CatchUpAsync(durable, clock.GetCurrentInstant(), cancellationToken);
        Instant now;
        try
        {
            now = (change.Advance, change.To) switch
            {
                ({ Length: > 0 } advance, null or "") => clock.SetTo(Plus(clock.GetCurrentInstant(), ParsePeriod(advance))),
                (null or "", { Length: > 0 } to) => clock.SetTo(ParseInstant(to)),
                _ => throw new ArgumentException("Give exactly one of \"advance\" (an ISO-8601 period such as P30D) or \"to\" (a time such as 2027-03-01T09:00:00+08:00)."),
            };
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            return TypedResults.Problem(e.Message, statusCode: StatusCodes.Status400BadRequest, title: "The development clock was not moved.");
        }

        var swept = await sweeper.CatchUpAsync(durable, now, cancellationToken);
        return TypedResults.Ok(ReadingOf(clock, now) with { TimersFired = swept.TimersFired });
    }

    /// <summary>A period added in Beijing local time, so <c>P1M</c> is one calendar month there.</summary>
    public static Instant Plus(Instant now, Period period) =>
        now.InZone(ShanghaiTime.Zone).LocalDateTime.Plus(period).InZoneLeniently(ShanghaiTime.Zone).ToInstant();

    public static Period ParsePeriod(string text)
    {
        var parsed = PeriodPattern.NormalizingIso.Parse(text);
        if (!parsed.Success)
        {
            throw new ArgumentException($"\"advance\" is '{text}', which is not an ISO-8601 period such as P30D or PT6H.");
        }

        var period = parsed.Value;
        var probe = LocalDateTime.FromDateTime(new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Unspecified));
        return probe.Plus(period) >= probe
            ? period
            : throw new ArgumentException($"\"advance\" is '{text}': the development clock never goes backwards.");
    }

    private static Instant ParseInstant(string text)
    {
        var parsed = OffsetDateTimePattern.ExtendedIso.Parse(text);
        return parsed.Success
            ? parsed.Value.ToInstant()
            : throw new ArgumentException($"\"to\" is '{text}', which is not a time with an offset such as 2027-03-01T09:00:00+08:00.");
    }

    private static ClockReading ReadingOf(DevelopmentClock clock, Instant now) => new(
        ZonedPattern.Format(now.InZone(ShanghaiTime.Zone).ToOffsetDateTime()),
        InstantPattern.ExtendedIso.Format(now),
        PeriodPattern.NormalizingIso.Format(Period.FromSeconds((long)Math.Round(clock.Offset.TotalSeconds)).Normalize()),
        clock.Speed);
}
