using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Time.Testing;
using SafetyCert.Host.Tests.Support;

namespace SafetyCert.Host.Tests.Local;

/// <summary>
/// Timers on a fake clock: each test waits (in real time, generously) until the runner reports the occurrence it waits
/// for, then moves the clock; nothing waits for a schedule in real time.
/// </summary>
public sealed class TimerTriggerTests(AzuriteFixture azurite)
{
    // Long enough to ride out a slow storage call on a loaded machine; a passing run takes a fraction of it.
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    private static readonly DateTimeOffset Start = new(2030, 1, 1, 0, 0, 30, TimeSpan.Zero);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Fires_at_each_occurrence_of_its_UTC_schedule_and_records_the_status()
    {
        var prefix = AzuriteFixture.NewPrefix();
        var clock = new FakeTimeProvider(Start);
        await using var host = await StartAsync(prefix, clock);
        await WaitUntilWaitingForAsync(host, "2030-01-01T00:01:00");
        Assert.Empty(host.Recorder.Of<TimerInfo>("EveryMinute"));

        clock.Advance(TimeSpan.FromSeconds(30));
        await RunsAsync(host, 1, "the 00:01 run");
        await WaitUntilWaitingForAsync(host, "2030-01-01T00:02:00");
        clock.Advance(TimeSpan.FromMinutes(1));
        await RunsAsync(host, 2, "the 00:02 run");

        var runs = host.Recorder.Of<TimerInfo>("EveryMinute");
        Assert.All(runs, r => Assert.False(r.IsPastDue));
        // The function sees the status as it was before its run, as in Functions.
        Assert.Equal(new DateTime(2030, 1, 1, 0, 1, 0, DateTimeKind.Utc), runs[0].ScheduleStatus!.Next);
        Assert.Equal(new DateTime(2030, 1, 1, 0, 1, 0, DateTimeKind.Utc), runs[1].ScheduleStatus!.Last);
        await Eventually.HoldsAsync(async () => (await ReadStatusAsync(prefix))?.Next == new DateTime(2030, 1, 1, 0, 3, 0, DateTimeKind.Utc), "status Next 00:03");
    }

    [Fact]
    public async Task Missed_occurrence_fires_once_past_due_when_a_host_starts_again()
    {
        var prefix = AzuriteFixture.NewPrefix();
        var clock = new FakeTimeProvider(Start);
        await using (var first = await StartAsync(prefix, clock))
        {
            await WaitUntilWaitingForAsync(first, "2030-01-01T00:01:00");
        }

        // No host runs from 00:00:30 to 00:05:30: the 00:01 … 00:05 occurrences are missed.
        clock.Advance(TimeSpan.FromMinutes(5));
        await using var second = await StartAsync(prefix, clock);
        await RunsAsync(second, 1, "the past-due run");
        await WaitUntilWaitingForAsync(second, "2030-01-01T00:06:00");
        clock.Advance(TimeSpan.FromSeconds(30));
        await RunsAsync(second, 2, "the 00:06 run");

        var runs = second.Recorder.Of<TimerInfo>("EveryMinute");
        Assert.True(runs[0].IsPastDue);
        Assert.Equal(new DateTime(2030, 1, 1, 0, 1, 0, DateTimeKind.Utc), runs[0].ScheduleStatus!.Next);
        Assert.False(runs[1].IsPastDue);
    }

    [Fact]
    public async Task Clock_jumping_past_several_occurrences_fires_once_past_due()
    {
        var clock = new FakeTimeProvider(Start);
        await using var host = await StartAsync(AzuriteFixture.NewPrefix(), clock);
        await WaitUntilWaitingForAsync(host, "2030-01-01T00:01:00");

        clock.Advance(TimeSpan.FromHours(3));
        await RunsAsync(host, 1, "the run after the jump");
        await WaitUntilWaitingForAsync(host, "2030-01-01T03:01:00");

        Assert.True(host.Recorder.Of<TimerInfo>("EveryMinute")[0].IsPastDue);
    }

    [Fact]
    public async Task Several_hosts_on_one_account_run_each_occurrence_once()
    {
        var prefix = AzuriteFixture.NewPrefix();
        var clock = new FakeTimeProvider(Start);
        await using var a = await StartAsync(prefix, clock);
        await using var b = await StartAsync(prefix, clock);
        await using var c = await StartAsync(prefix, clock);
        LocalHost[] hosts = [a, b, c];
        int Runs() => hosts.Sum(h => h.Recorder.Of<TimerInfo>("EveryMinute").Count);

        for (var minute = 1; minute <= 3; minute++)
        {
            var occurrence = $"2030-01-01T00:0{minute}:00";
            foreach (var host in hosts)
            {
                await WaitUntilWaitingForAsync(host, occurrence);
            }

            clock.Advance(TimeSpan.FromMinutes(1));
            await Eventually.HoldsAsync(() => Runs() == minute, $"one run for {occurrence}", Patience);
            // Every host has run or skipped this occurrence before the clock moves on.
            foreach (var host in hosts)
            {
                await Eventually.HoldsAsync(
                    () => host.Logs.Entries.Any(e => e.Message.Contains(occurrence + ".0000000+00:00", StringComparison.Ordinal)
                        && (e.Message.Contains("running for", StringComparison.Ordinal) || e.Message.Contains("skipped", StringComparison.Ordinal))),
                    $"each host settled {occurrence}",
                    Patience,
                    host.Logs);
            }
        }

        await Task.Delay(1000, Ct);
        Assert.Equal(3, Runs());
    }

    [Fact]
    public async Task Status_written_by_a_clock_that_was_ahead_does_not_silence_the_schedule()
    {
        var prefix = AzuriteFixture.NewPrefix();
        var future = new DateTime(2031, 6, 1, 0, 0, 0, DateTimeKind.Utc);
        var container = azurite.Blobs.GetBlobContainerClient("azure-webjobs-hosts");
        await container.CreateIfNotExistsAsync(cancellationToken: Ct);
        await container.GetBlobClient($"{prefix}/timers/EveryMinute/status").UploadAsync(
            BinaryData.FromObjectAsJson(new ScheduleStatus { Last = future, Next = future.AddMinutes(1), LastUpdated = future }), Ct);
        var clock = new FakeTimeProvider(Start);
        await using var host = await StartAsync(prefix, clock);
        await WaitUntilWaitingForAsync(host, "2030-01-01T00:01:00");

        clock.Advance(TimeSpan.FromSeconds(30));
        await RunsAsync(host, 1, "the 00:01 run");
        Assert.False(host.Recorder.Of<TimerInfo>("EveryMinute")[0].IsPastDue);
    }

    private Task<LocalHost> StartAsync(string prefix, TimeProvider clock) =>
        LocalHost.StartAsync(azurite.ConnectionString, LocalHost.Settings(prefix + "-work", "0 * * * * *"), o => o.TimerBlobPrefix = prefix + "/", clock);

    /// <summary>Waits for the sample timer's runs on <paramref name="host"/>, long enough to ride out slow storage.</summary>
    private static Task RunsAsync(LocalHost host, int count, string what) =>
        Eventually.HoldsAsync(() => host.Recorder.Of<TimerInfo>("EveryMinute").Count == count, what, Patience, host.Logs);

    /// <summary>The runner registers its wait after start-up I/O; moving the fake clock before that would skip the occurrence.</summary>
    private static Task WaitUntilWaitingForAsync(LocalHost host, string occurrence) =>
        Eventually.HoldsAsync(() => host.Logged($"Timer EveryMinute next fires at {occurrence}"), $"waiting for {occurrence}", Patience, host.Logs);

    private async Task<ScheduleStatus?> ReadStatusAsync(string prefix)
    {
        var blob = azurite.Blobs.GetBlobContainerClient("azure-webjobs-hosts").GetBlobClient($"{prefix}/timers/EveryMinute/status");
        return (await blob.ExistsAsync(Ct)).Value ? (await blob.DownloadContentAsync(Ct)).Value.Content.ToObjectFromJson<ScheduleStatus>() : null;
    }
}
