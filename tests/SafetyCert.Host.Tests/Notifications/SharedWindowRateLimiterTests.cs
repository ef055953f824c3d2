using System.Threading.RateLimiting;
using Microsoft.Extensions.Time.Testing;
using SafetyCert.Functions.RateLimiting;
using SafetyCert.Functions.Storage;
using SafetyCert.Host.Tests.Support;

namespace SafetyCert.Host.Tests.Notifications;

/// <summary>Two limiters over one storage account stand for two hosts: the robots' 20 a minute is per robot, not per host.</summary>
public sealed class SharedWindowRateLimiterTests(AzuriteFixture azurite)
{
    private static readonly RateLimitKey RobotA = new("dingtalk:a", 20);
    private static readonly RateLimitKey RobotB = new("dingtalk:b", 20);

    [Fact]
    public async Task Two_hosts_share_one_robot_budget_and_the_twenty_first_message_waits_until_the_first_leaves_the_window()
    {
        var ct = TestContext.Current.CancellationToken;
        var storage = StorageAccount.FromConnectionString(azurite.ConnectionString, AzuriteFixture.NewPrefix());
        var time = new FakeTimeProvider(NotificationHarness.TuesdayMorning);
        using var first = new SharedWindowRateLimiter(storage, "notice", TimeSpan.FromMinutes(1), time);
        using var second = new SharedWindowRateLimiter(storage, "notice", TimeSpan.FromMinutes(1), time);
        for (var i = 0; i < 20; i++)
        {
            using var lease = await (i % 2 == 0 ? first : second).AcquireAsync(RobotA, 1, ct);
            Assert.True(lease.IsAcquired, $"message {i + 1}");
            time.Advance(TimeSpan.FromSeconds(1));
        }

        Assert.Equal(TimeSpan.FromSeconds(40), await RetryAfterAsync(first, RobotA, ct));
        Assert.Equal(TimeSpan.FromSeconds(40), await RetryAfterAsync(second, RobotA, ct));
        using (var other = await second.AcquireAsync(RobotB, 1, ct))
        {
            Assert.True(other.IsAcquired, "another robot has its own budget");
        }

        time.Advance(TimeSpan.FromSeconds(40));
        using (var freed = await second.AcquireAsync(RobotA, 1, ct))
        {
            Assert.True(freed.IsAcquired);
        }

        Assert.Equal(TimeSpan.FromSeconds(1), await RetryAfterAsync(first, RobotA, ct));
    }

    [Fact]
    public async Task Hosts_racing_for_the_last_permits_never_grant_more_than_the_limit()
    {
        var ct = TestContext.Current.CancellationToken;
        var storage = StorageAccount.FromConnectionString(azurite.ConnectionString, AzuriteFixture.NewPrefix());
        var time = new FakeTimeProvider(NotificationHarness.TuesdayMorning);
        var hosts = Enumerable.Range(0, 4).Select(_ => new SharedWindowRateLimiter(storage, "notice", TimeSpan.FromMinutes(1), time)).ToList();

        var leases = await Task.WhenAll(Enumerable.Range(0, 40).Select(i => hosts[i % hosts.Count].AcquireAsync(RobotA, 1, ct).AsTask()));

        Assert.Equal(20, leases.Count(l => l.IsAcquired));
        Assert.All(leases.Where(l => !l.IsAcquired), l => Assert.Equal(TimeSpan.FromMinutes(1), RetryAfter(l)));
        foreach (var host in hosts)
        {
            host.Dispose();
        }
    }

    [Fact]
    public async Task Limiters_of_different_scopes_keep_separate_budgets_for_the_same_key()
    {
        var ct = TestContext.Current.CancellationToken;
        var storage = StorageAccount.FromConnectionString(azurite.ConnectionString, AzuriteFixture.NewPrefix());
        var time = new FakeTimeProvider(NotificationHarness.TuesdayMorning);
        using var notices = new SharedWindowRateLimiter(storage, "notice", TimeSpan.FromMinutes(1), time);
        using var lookups = new SharedWindowRateLimiter(storage, "verify", TimeSpan.FromMinutes(1), time);
        var key = new RateLimitKey("127.0.0.1/#?", 1);

        using var one = await notices.AcquireAsync(key, 1, ct);
        using var other = await lookups.AcquireAsync(key, 1, ct);
        using var again = await notices.AcquireAsync(key, 1, ct);

        Assert.True(one.IsAcquired);
        Assert.True(other.IsAcquired);
        Assert.False(again.IsAcquired);
    }

    private static async Task<TimeSpan?> RetryAfterAsync(SharedWindowRateLimiter limiter, RateLimitKey key, CancellationToken ct)
    {
        using var lease = await limiter.AcquireAsync(key, 1, ct);
        return lease.IsAcquired ? null : RetryAfter(lease);
    }

    private static TimeSpan? RetryAfter(RateLimitLease lease) => lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : null;
}
