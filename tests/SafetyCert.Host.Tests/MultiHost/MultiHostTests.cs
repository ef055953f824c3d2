using NodaTime;
using SafetyCert.Domain.Time;
using SafetyCert.Functions.Storage;
using SafetyCert.Host.Tests.Notifications;
using SafetyCert.Host.Tests.Support;

namespace SafetyCert.Host.Tests.MultiHost;

/// <summary>
/// Three <c>safetycert serve</c> processes on one Azurite while their development clocks run five months
/// ahead in half-month jumps: the instances end as one host alone ends them, and a host killed mid-run
/// changes nothing.
/// </summary>
public sealed class MultiHostTests(LocalServices services)
{
    private const int Steps = 10;
    private static readonly Duration Step = Duration.FromDays(15);
    private static readonly TimeSpan QuietTimeout = TimeSpan.FromSeconds(45);
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Three_hosts_and_a_host_killed_mid_run_end_every_workflow_as_one_host_does_and_fire_no_timer_twice()
    {
        var start = StartInstant();
        var alone = new LifecycleScenario(Account(AzuriteFixture.NewPrefix()), start);
        // As the hosts do: a first sweep at the start sets the watermark, then the instances start.
        await alone.RunAloneUntilAsync(start, Ct);
        await alone.StartAllAsync(Ct);
        await alone.RunAloneUntilAsync(start, Ct);
        for (var step = 1; step <= Steps; step++)
        {
            await alone.RunAloneUntilAsync(start + (Step * step), Ct);
        }

        var expected = await alone.StatusesAsync(Ct);

        // RULES.md §5–§7: every expiring certificate has expired and both revoked ones stay revoked, recall running.
        Assert.All(LifecycleScenario.ExpiringCertificates, id => Assert.Equal("Expired", expected[$"certificate/{id}"]));
        Assert.All(LifecycleScenario.RevokedCertificates, id => Assert.Equal("Revoked", expected[$"certificate/{id}"]));
        Assert.All(LifecycleScenario.RevokedCertificates, id => Assert.Equal("Recalling", expected[$"revocation/{id}"]));

        var prefix = AzuriteFixture.NewPrefix();
        var shared = new LifecycleScenario(Account(prefix), start);
        var hosts = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => HostProcess.StartAsync(Environment(prefix), Ct)));
        try
        {
            await Task.WhenAll(hosts.Select(h => h.MoveClockAsync(start, Ct)));
            await shared.StartAllAsync(Ct);
            await shared.WaitUntilQuietAsync(QuietTimeout, Ct);
            var live = hosts.ToList();
            var stopwatch = System.Diagnostics.Stopwatch.StartNew();
            for (var step = 1; step <= Steps; step++)
            {
                var to = start + (Step * step);
                var moves = live.Select(h => h.MoveClockAsync(to, Ct)).ToList();
                if (step == Steps / 2)
                {
                    // SIGKILL while the hosts sweep and decide the events of this jump.
                    await Task.Delay(TimeSpan.FromMilliseconds(100), Ct);
                    live[0].Kill();
                    moves.RemoveAt(0);
                    live.RemoveAt(0);
                }

                var swept = await Task.WhenAll(moves);
                await shared.WaitUntilQuietAsync(QuietTimeout, Ct);
                TestContext.Current.TestOutputHelper?.WriteLine(
                    $"{to}: {live.Count} hosts, sweeps fired {string.Join("+", swept)} timers, quiet after {stopwatch.Elapsed.TotalSeconds:0.0} s");
            }

            Assert.True(hosts[0].HasExited);
            Assert.Equal(expected, await shared.StatusesAsync(Ct));
            var fired = await shared.TimerEventIdsAsync(Ct);
            Assert.All(fired, instance => Assert.Equal(instance.Value.Distinct(StringComparer.Ordinal).Count(), instance.Value.Count));
            Assert.Contains(fired, instance => instance.Key.StartsWith("revocation/", StringComparison.Ordinal) && instance.Value.Count >= 2);
        }
        finally
        {
            foreach (var host in hosts)
            {
                await host.DisposeAsync();
            }
        }
    }

    /// <summary>
    /// Noon in Beijing a day from now: ahead of every host's real-time clock, and hours away from the midnight and
    /// 09:00 instants timers fall on, so the seconds the hosts take never change which timers are due.
    /// </summary>
    private static Instant StartInstant()
    {
        var tomorrow = ShanghaiTime.DateOf(SystemClock.Instance.GetCurrentInstant()).PlusDays(1);
        return ShanghaiTime.At(tomorrow, new LocalTime(12, 0));
    }

    private StorageAccount Account(string prefix) => StorageAccount.FromConnectionString(services.Azurite.ConnectionString, prefix);

    private Dictionary<string, string> Environment(string prefix) => new()
    {
        ["Storage__ConnectionString"] = services.Azurite.ConnectionString,
        ["Storage__Prefix"] = prefix,
        ["Notifications__Smtp__Host"] = "127.0.0.1",
        ["Notifications__Smtp__Port"] = services.MailDev.SmtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Notifications__Smtp__Sender"] = "noreply@safetycert.test",
        ["Jwt__Issuer"] = "safetycert-test",
        ["Jwt__Audience"] = "safetycert",
        ["Jwt__SigningKey"] = "multi-host-test-signing-key-0123456789abcdef",

        // Notice new events within half a second, and take back a killed host's messages after five.
        ["Queues__MaxPollDelay"] = "00:00:00.500",
        ["Queues__VisibilityTimeout"] = "00:00:05",
        ["Logging__LogLevel__Default"] = "Warning",
    };
}
