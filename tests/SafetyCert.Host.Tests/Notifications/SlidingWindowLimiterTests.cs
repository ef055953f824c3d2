using Microsoft.Extensions.Time.Testing;
using SafetyCert.Functions.Notifications;

namespace SafetyCert.Host.Tests.Notifications;

public sealed class SlidingWindowLimiterTests
{
    [Fact]
    public void Twenty_first_message_in_a_minute_waits_until_the_first_leaves_the_window()
    {
        var time = new FakeTimeProvider(NotificationHarness.TuesdayMorning);
        var limiter = new SlidingWindowLimiter(new RealTime(time));
        for (var i = 0; i < 20; i++)
        {
            Assert.Null(limiter.TryAcquire("dingtalk:a", 20));
            time.Advance(TimeSpan.FromSeconds(1));
        }

        Assert.Equal(TimeSpan.FromSeconds(40), limiter.TryAcquire("dingtalk:a", 20));
        Assert.Null(limiter.TryAcquire("dingtalk:b", 20));
        time.Advance(TimeSpan.FromSeconds(40));
        Assert.Null(limiter.TryAcquire("dingtalk:a", 20));
        Assert.Equal(TimeSpan.FromSeconds(1), limiter.TryAcquire("dingtalk:a", 20));
    }
}
