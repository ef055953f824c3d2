using NodaTime;
using SafetyCert.Functions.Notifications;

namespace SafetyCert.Functions.Api.Verification;

/// <summary>
/// Public look-ups per client address in any one-minute window, on the business clock (so tests move it instead of
/// waiting). Kept in this process: each instance of the app counts its own callers.
/// </summary>
internal sealed class VerificationLimiter(IClock clock)
{
    public const int PerMinute = 30;

    private readonly SlidingWindowLimiter limiter = new(new RealTime(new ClockTime(clock)));

    /// <summary>Null when the look-up may go ahead; otherwise how long until it may.</summary>
    public TimeSpan? TryAcquire(string client) => limiter.TryAcquire(client, PerMinute);

    private sealed class ClockTime(IClock clock) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => clock.GetCurrentInstant().ToDateTimeOffset();
    }
}
