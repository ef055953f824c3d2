using NodaTime;

namespace SafetyCert.Host.Development;

/// <summary>
/// The one clock of a development host, as NodaTime's <see cref="IClock"/> for the engine and the sweep and as a
/// <see cref="TimeProvider"/> for the local timer triggers and notifications, so they all see the same time: real time
/// plus an offset that only grows, optionally running <see cref="Speed"/> times faster than real time.
/// Waits through <see cref="CreateTimer"/> follow the clock: a jump fires every wait it passed at once, and a
/// faster clock shortens waits, though never below <see cref="MinimumRealWait"/> (or the requested wait if
/// shorter), since polling and lease renewal talk to services that live in real time.
/// </summary>
internal sealed class DevelopmentClock : TimeProvider, IClock, Local.ISettlingClock
{
    public static readonly TimeSpan MinimumRealWait = TimeSpan.FromSeconds(1);

    private readonly TimeProvider real;
    private readonly Lock gate = new();
    private readonly HashSet<ClockTimer> timers = [];
    private readonly Lock moveGate = new();
    private Task settled = Task.CompletedTask;
    private DateTimeOffset realAnchor;
    private DateTimeOffset clockAnchor;

    public DevelopmentClock(TimeProvider real, Duration offset, double speed)
    {
        ArgumentNullException.ThrowIfNull(real);
        if (offset < Duration.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(offset), offset, "The development clock never runs behind real time.");
        }

        if (!double.IsFinite(speed) || speed < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(speed), speed, "The clock speed is a factor of at least 1.");
        }

        this.real = real;
        Speed = speed;
        realAnchor = real.GetUtcNow();
        clockAnchor = realAnchor + offset.ToTimeSpan();
    }

    /// <summary>How many times faster than real time the clock runs.</summary>
    public double Speed { get; }

    /// <summary>How far the clock is ahead of real time.</summary>
    public Duration Offset => Duration.FromTimeSpan(GetUtcNow() - real.GetUtcNow());

    public override TimeZoneInfo LocalTimeZone => real.LocalTimeZone;

    public override DateTimeOffset GetUtcNow()
    {
        lock (gate)
        {
            return At(real.GetUtcNow());
        }
    }

    public Instant GetCurrentInstant() => Instant.FromDateTimeOffset(GetUtcNow());

    /// <summary>Moves the clock forward by <paramref name="by"/>; never backwards.</summary>
    public Instant Advance(Duration by)
    {
        if (by < Duration.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(by), by, "The development clock never goes backwards.");
        }

        return Jump(now => now + by.ToTimeSpan());
    }

    /// <summary>Sets the clock to <paramref name="to"/>; <see cref="InvalidOperationException"/> when that is before the current time.</summary>
    public Instant SetTo(Instant to) => Jump(now =>
    {
        var target = to.ToDateTimeOffset();
        return target >= now
            ? target
            : throw new InvalidOperationException($"The development clock is at {Instant.FromDateTimeOffset(now)} and never goes backwards to {to}.");
    });

    /// <summary>
    /// Starts a move: until the returned handle is disposed, <see cref="WhenSettledAsync"/> waits. The caller moves the
    /// clock and sweeps the workflow timers the move passed inside it.
    /// </summary>
    public async Task<IDisposable> BeginMoveAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            Task current;
            lock (moveGate)
            {
                current = settled;
                if (current.IsCompleted)
                {
                    var move = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                    settled = move.Task;
                    return new Move(move);
                }
            }

            await current.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public Task WhenSettledAsync(CancellationToken cancellationToken)
    {
        lock (moveGate)
        {
            return settled.WaitAsync(cancellationToken);
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentNullException.ThrowIfNull(callback);
        var timer = new ClockTimer(this, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    private Instant Jump(Func<DateTimeOffset, DateTimeOffset> target)
    {
        ClockTimer[] waiting;
        DateTimeOffset now;
        lock (gate)
        {
            var realNow = real.GetUtcNow();
            now = target(At(realNow));
            realAnchor = realNow;
            clockAnchor = now;
            waiting = [.. timers];
        }

        foreach (var timer in waiting)
        {
            timer.Reschedule();
        }

        return Instant.FromDateTimeOffset(now);
    }

    private DateTimeOffset At(DateTimeOffset realNow) => clockAnchor + ((realNow - realAnchor) * Speed);

    /// <summary>A wait measured on the development clock, carried out by a real timer that is re-armed on every jump.</summary>
    private sealed class ClockTimer : ITimer
    {
        private readonly DevelopmentClock clock;
        private readonly TimerCallback callback;
        private readonly object? state;
        private readonly ITimer inner;
        private DateTimeOffset? dueAt;
        private DateTimeOffset notBeforeReal;
        private TimeSpan period = Timeout.InfiniteTimeSpan;
        private bool disposed;

        public ClockTimer(DevelopmentClock clock, TimerCallback callback, object? state)
        {
            this.clock = clock;
            this.callback = callback;
            this.state = state;
            inner = clock.real.CreateTimer(static self => ((ClockTimer)self!).OnRealTimer(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            lock (clock.gate)
            {
                if (disposed)
                {
                    return false;
                }

                this.period = period;
                if (dueTime == Timeout.InfiniteTimeSpan)
                {
                    dueAt = null;
                    clock.timers.Remove(this);
                }
                else
                {
                    var realNow = clock.real.GetUtcNow();
                    dueAt = clock.At(realNow) + dueTime;
                    notBeforeReal = realNow + (dueTime < MinimumRealWait ? dueTime : MinimumRealWait);
                    clock.timers.Add(this);
                }
            }

            Reschedule();
            return true;
        }

        public void Reschedule()
        {
            TimeSpan wait;
            lock (clock.gate)
            {
                if (disposed || dueAt is not { } due)
                {
                    wait = Timeout.InfiniteTimeSpan;
                }
                else
                {
                    var realNow = clock.real.GetUtcNow();
                    var left = due - clock.At(realNow);
                    wait = left <= TimeSpan.Zero
                        ? TimeSpan.Zero
                        : Max(left / clock.Speed, notBeforeReal - realNow);
                }
            }

            inner.Change(wait, Timeout.InfiniteTimeSpan);
        }

        public void Dispose()
        {
            lock (clock.gate)
            {
                disposed = true;
                clock.timers.Remove(this);
            }

            inner.Dispose();
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }

        private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

        private void OnRealTimer()
        {
            bool fire;
            lock (clock.gate)
            {
                var now = clock.At(clock.real.GetUtcNow());
                fire = !disposed && dueAt is { } due && due <= now;
                if (fire && (period == Timeout.InfiniteTimeSpan || period == TimeSpan.Zero))
                {
                    dueAt = null;
                    clock.timers.Remove(this);
                }
                else if (fire)
                {
                    dueAt = now + period;
                    notBeforeReal = clock.real.GetUtcNow() + (period < MinimumRealWait ? period : MinimumRealWait);
                }
            }

            // Woken before the clock reached the due time (rounding) only re-arms.
            if (fire)
            {
                callback(state);
            }

            Reschedule();
        }
    }

    private sealed class Move(TaskCompletionSource done) : IDisposable
    {
        public void Dispose() => done.TrySetResult();
    }
}
