using NodaTime;
using SafetyCert.Functions.RateLimiting;
using SafetyCert.Functions.Storage;

namespace SafetyCert.Functions.Api.Verification;

/// <summary>
/// Public look-ups per client address in any one-minute window, counted in storage so that every instance of the app
/// shares one budget per address; on the business clock, so tests move it instead of waiting.
/// </summary>
internal sealed class VerificationLimiter(StorageAccount storage, IClock clock) : IDisposable
{
    public const int PerMinute = 30;

    private readonly SharedWindowRateLimiter limiter = new(storage, "verify", TimeSpan.FromMinutes(1), new ClockTime(clock));

    /// <summary>Null when the look-up may go ahead; otherwise how long until it may.</summary>
    public async Task<TimeSpan?> TryAcquireAsync(string client, CancellationToken cancellationToken)
    {
        using var lease = await limiter.AcquireAsync(new RateLimitKey(client, PerMinute), 1, cancellationToken).ConfigureAwait(false);
        return lease.IsAcquired ? null : lease.TryGetMetadata(System.Threading.RateLimiting.MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
    }

    public void Dispose() => limiter.Dispose();

    private sealed class ClockTime(IClock clock) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => clock.GetCurrentInstant().ToDateTimeOffset();
    }
}
