using System.Buffers.Binary;
using System.Threading.RateLimiting;
using Azure.Data.Tables;
using SafetyCert.Functions.Notifications;
using SafetyCert.Functions.Storage;

namespace SafetyCert.Functions.RateLimiting;

/// <summary>
/// At most <see cref="RateLimitKey.PermitLimit"/> permits per key in any window (a sliding log), with the log in Table
/// storage so that every host on the account shares one budget: a robot's 20 messages a minute hold however many
/// senders run. One row per key; a write carries the ETag it read and the loser of a race reads again. Time is the
/// injected <see cref="TimeProvider"/>, so tests drive it. Nothing queues: a key over its limit gets a refused lease
/// whose <see cref="MetadataName.RetryAfter"/> says when the oldest permit leaves the window, and the caller defers.
/// </summary>
internal sealed class SharedWindowRateLimiter : PartitionedRateLimiter<RateLimitKey>
{
    public const string TableName = "ratelimits";

    private const string Row = "window";
    private const int MaxRaces = 20;

    private readonly StorageAccount storage;
    private readonly string scope;
    private readonly TimeSpan window;
    private readonly TimeProvider time;

    /// <param name="scope">Keeps apart the keys of different limiters in the one table (<c>notice</c>, <c>verify</c>).</param>
    public SharedWindowRateLimiter(StorageAccount storage, string scope, TimeSpan window, TimeProvider time)
    {
        // The log stores each permit as a 32-bit tick offset from the oldest one: the window must fit.
        ArgumentOutOfRangeException.ThrowIfGreaterThan(window, TimeSpan.FromTicks(int.MaxValue));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(window, TimeSpan.Zero);
        this.storage = storage;
        this.scope = scope;
        this.window = window;
        this.time = time;
    }

    // The counts live in storage; a snapshot would cost a read, and nothing here asks for one.
    public override RateLimiterStatistics? GetStatistics(RateLimitKey resource) => null;

    // Callers take the asynchronous path; the synchronous one blocks on the same storage round trips.
    protected override RateLimitLease AttemptAcquireCore(RateLimitKey resource, int permitCount) =>
        AcquireAsyncCore(resource, permitCount, CancellationToken.None).AsTask().GetAwaiter().GetResult();

    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(RateLimitKey resource, int permitCount, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(permitCount);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(permitCount, resource.PermitLimit);
        var table = await storage.TableAsync(TableName, cancellationToken).ConfigureAwait(false);
        var partition = TableKeys.Escape($"{scope}:{resource.Key}");
        for (var race = 0; ; race++)
        {
            var stored = await table.GetAsync(partition, Row, cancellationToken).ConfigureAwait(false);
            var now = time.GetUtcNow();
            var permits = Read(stored).Where(at => at > now - window).Order().ToList();
            var excess = permits.Count + permitCount - resource.PermitLimit;
            if (excess > 0)
            {
                return WindowLease.Denied(permits[excess - 1] + window - now);
            }

            if (permitCount == 0)
            {
                return WindowLease.Granted;
            }

            permits.AddRange(Enumerable.Repeat(now, permitCount));
            var entity = Write(partition, permits);
            try
            {
                if (stored is null)
                {
                    await table.AddAsync(entity, cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    await table.UpdateAsync(entity, stored.ETag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
                }

                return WindowLease.Granted;
            }
            catch (StorageConflictException) when (race < MaxRaces)
            {
                // Another host took a permit for this key since the read: count again.
            }
        }
    }

    private static IEnumerable<DateTimeOffset> Read(TableEntity? entity)
    {
        if (entity?.GetInt64("Base") is not { } origin || entity.GetBinary("Offsets") is not { } offsets)
        {
            yield break;
        }

        for (var i = 0; i + sizeof(int) <= offsets.Length; i += sizeof(int))
        {
            yield return new DateTimeOffset(origin + BinaryPrimitives.ReadInt32LittleEndian(offsets.AsSpan(i)), TimeSpan.Zero);
        }
    }

    private static TableEntity Write(string partition, List<DateTimeOffset> permits)
    {
        var origin = permits[0].UtcTicks;
        var offsets = new byte[permits.Count * sizeof(int)];
        for (var i = 0; i < permits.Count; i++)
        {
            BinaryPrimitives.WriteInt32LittleEndian(offsets.AsSpan(i * sizeof(int)), checked((int)(permits[i].UtcTicks - origin)));
        }

        return new TableEntity(partition, Row) { ["Base"] = origin, ["Offsets"] = offsets };
    }
}
