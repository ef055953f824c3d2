using Microsoft.Extensions.Time.Testing;
using NodaTime;
using SafetyCert.Host.Development;

namespace SafetyCert.Host.Tests.Development;

/// <summary>The development clock against a fake real time: offset, speed, jumps, and waits measured on it.</summary>
public sealed class DevelopmentClockTests
{
    private static readonly DateTimeOffset RealStart = new(2026, 11, 22, 1, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider real = new(RealStart);

    [Fact]
    public void Both_faces_read_real_time_plus_the_offset()
    {
        var clock = new DevelopmentClock(real, Duration.FromDays(30), speed: 1);
        real.Advance(TimeSpan.FromMinutes(5));

        var expected = RealStart + TimeSpan.FromDays(30) + TimeSpan.FromMinutes(5);
        Assert.Equal(expected, clock.GetUtcNow());
        Assert.Equal(Instant.FromDateTimeOffset(expected), clock.GetCurrentInstant());
    }

    [Fact]
    public void A_speed_of_43200_makes_a_month_of_thirty_days_pass_in_one_real_minute()
    {
        var clock = new DevelopmentClock(real, Duration.Zero, speed: 43_200);
        real.Advance(TimeSpan.FromMinutes(1));

        Assert.Equal(RealStart + TimeSpan.FromDays(30), clock.GetUtcNow());
    }

    [Fact]
    public async Task Timer_functions_wait_while_a_move_is_in_progress_and_moves_take_turns()
    {
        var clock = new DevelopmentClock(real, Duration.Zero, speed: 1);
        Assert.True(clock.WhenSettledAsync(TestContext.Current.CancellationToken).IsCompletedSuccessfully);

        var first = await clock.BeginMoveAsync(TestContext.Current.CancellationToken);
        var waiting = clock.WhenSettledAsync(TestContext.Current.CancellationToken);
        var second = clock.BeginMoveAsync(TestContext.Current.CancellationToken);
        Assert.False(waiting.IsCompleted);
        Assert.False(second.IsCompleted);

        first.Dispose();
        await waiting;
        using (await second)
        {
            Assert.False(clock.WhenSettledAsync(TestContext.Current.CancellationToken).IsCompleted);
        }

        Assert.True(clock.WhenSettledAsync(TestContext.Current.CancellationToken).IsCompletedSuccessfully);
    }

    [Fact]
    public void Advance_and_SetTo_move_forward_and_never_back()
    {
        var clock = new DevelopmentClock(real, Duration.Zero, speed: 1);
        var advanced = clock.Advance(Duration.FromDays(90));
        var target = advanced + Duration.FromHours(3);

        Assert.Equal(target, clock.SetTo(target));
        Assert.Throws<InvalidOperationException>(() => clock.SetTo(target - Duration.FromSeconds(1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => clock.Advance(Duration.FromSeconds(-1)));
        Assert.Equal(target, clock.GetCurrentInstant());
    }

    [Theory]
    [InlineData(-1.0, 1.0)]
    [InlineData(0.0, 0.5)]
    [InlineData(0.0, double.NaN)]
    public void A_clock_behind_real_time_or_slower_than_it_is_refused(double offsetDays, double speed) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new DevelopmentClock(real, Duration.FromDays(offsetDays), speed));

    [Fact]
    public async Task A_jump_past_a_wait_ends_it_at_once()
    {
        var clock = new DevelopmentClock(real, Duration.Zero, speed: 1);
        var wait = Task.Delay(TimeSpan.FromDays(30), clock, TestContext.Current.CancellationToken);
        Assert.False(wait.IsCompleted);

        clock.Advance(Duration.FromDays(29));
        await Task.Yield();
        Assert.False(wait.IsCompleted);

        clock.Advance(Duration.FromDays(1));
        await wait.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task A_fast_clock_shortens_long_waits_but_never_below_the_real_floor()
    {
        var clock = new DevelopmentClock(real, Duration.Zero, speed: 43_200);
        var day = Task.Delay(TimeSpan.FromDays(1), clock, TestContext.Current.CancellationToken);
        var poll = Task.Delay(TimeSpan.FromMilliseconds(100), clock, TestContext.Current.CancellationToken);

        // A day is two real seconds at this speed; a 100 ms poll still takes 100 real milliseconds.
        real.Advance(TimeSpan.FromMilliseconds(99));
        Assert.False(poll.IsCompleted);
        real.Advance(TimeSpan.FromMilliseconds(1));
        await poll.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        Assert.False(day.IsCompleted);
        real.Advance(TimeSpan.FromSeconds(2) - TimeSpan.FromMilliseconds(100));
        await day.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
    }
}
