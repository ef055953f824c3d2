using NodaTime;
using SafetyCert.Domain.Workflows;
using SafetyCert.Engine.Tests.Support;
using SafetyCert.Engine.Workflows;

namespace SafetyCert.Engine.Tests.Timers;

public sealed class TimerSweeperTests(AzuriteFixture azurite)
{
    private const string Kind = TicketWorkflow.TicketKind;
    private readonly EngineHost host = new(azurite.NewAccount());
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private Task<List<Azure.Data.Tables.TableEntity>> TimerRowsAsync() =>
        host.RowsAsync(WorkflowStorageNames.Timers, "PartitionKey ne 'sweep'");

    private async Task OpenAsync(string id, Duration remindIn) =>
        await host.Engine.StartAsync(Kind, id, new TicketOpened(id, EngineHost.Start + remindIn), "open", "alice", Ct);

    private async Task<string> StatusAsync(string id) => (await host.Engine.GetStatusAsync(Kind, id, Ct))!.Status;

    [Fact]
    public async Task SweepAsync_fires_only_the_timers_that_are_due()
    {
        await host.Sweeper.SweepAsync(host.Clock.GetCurrentInstant(), Ct);
        await OpenAsync("soon", Duration.FromMinutes(20));
        await OpenAsync("later", Duration.FromMinutes(40));

        host.Clock.Advance(Duration.FromMinutes(25));
        var result = await host.Sweeper.SweepAsync(host.Clock.GetCurrentInstant(), Ct);
        await host.DrainAsync();

        Assert.Equal(1, result.TimersFired);
        Assert.Equal(("Reminded", "Open"), (await StatusAsync("soon"), await StatusAsync("later")));
        Assert.Equal("ticket|later|reminder|reminder~231", Assert.Single(await TimerRowsAsync()).RowKey);
    }

    [Fact]
    public async Task A_timer_re_set_before_it_fires_leaves_the_old_token_stale()
    {
        await OpenAsync("t", Duration.FromHours(1));
        await host.Engine.ApplyAsync(Kind, "t", new ReminderMoved(EngineHost.Start + Duration.FromHours(5)), "move", "alice", Ct);

        // A late or repeated firing of the first setting arrives anyway.
        var stale = await host.Engine.ApplyAsync(Kind, "t", new TimerFired("reminder", "reminder#1"), "timer|reminder|reminder#1", "timer", Ct);

        Assert.Equal(Outcome.Ignored, stale.Outcome);
        Assert.Equal("Open", await StatusAsync("t"));
        Assert.Equal("ticket|t|reminder|reminder~232", Assert.Single(await TimerRowsAsync()).RowKey);
    }

    [Fact]
    public async Task A_cancelled_timer_never_fires()
    {
        await OpenAsync("t", Duration.FromHours(1));
        await host.Engine.ApplyAsync(Kind, "t", new ReminderCancelled(), "cancel", "alice", Ct);

        host.Clock.Advance(Duration.FromHours(2));
        var result = await host.Sweeper.SweepAsync(host.Clock.GetCurrentInstant(), Ct);
        await host.DrainAsync();

        Assert.Equal(0, result.TimersFired);
        Assert.Empty(await TimerRowsAsync());
        Assert.Equal("Open", await StatusAsync("t"));
    }

    [Fact]
    public async Task Several_sweepers_at_once_apply_each_timer_once()
    {
        foreach (var i in Enumerable.Range(0, 12))
        {
            await OpenAsync($"t{i}", Duration.FromMinutes(10 + i));
        }

        host.Clock.Advance(Duration.FromHours(1));
        var sweepers = Enumerable.Range(0, 3).Select(_ => new Engine.Timers.TimerSweeper(host.Engine)).ToList();
        var results = await Task.WhenAll(sweepers.Select(s => s.SweepAsync(host.Clock.GetCurrentInstant(), Ct)));
        await host.DrainAsync(2);

        Assert.InRange(results.Sum(r => r.TimersFired), 12, 36);
        Assert.Empty(await TimerRowsAsync());
        foreach (var i in Enumerable.Range(0, 12))
        {
            Assert.Equal("Reminded", await StatusAsync($"t{i}"));
            var history = (await host.Engine.GetHistoryAsync(Kind, $"t{i}", cancellationToken: Ct)).Entries;
            Assert.Single(history, h => h.EventType == nameof(TimerFired));
        }
    }

    [Fact]
    public async Task Sweeping_after_days_of_downtime_catches_up_every_missed_timer()
    {
        await host.Sweeper.SweepAsync(host.Clock.GetCurrentInstant(), Ct);
        foreach (var hours in new[] { 1, 7, 30, 55, 100 })
        {
            await OpenAsync($"t{hours}", Duration.FromHours(hours));
        }

        host.Clock.Advance(Duration.FromDays(5));
        var result = await host.Sweeper.SweepAsync(host.Clock.GetCurrentInstant(), Ct);
        await host.DrainAsync();

        Assert.Equal(5, result.TimersFired);
        Assert.Equal(121, result.PartitionsRead);
        Assert.Equal("2026030701", result.Watermark);
        foreach (var hours in new[] { 1, 7, 30, 55, 100 })
        {
            Assert.Equal("Reminded", await StatusAsync($"t{hours}"));
        }
    }

    [Fact]
    public async Task Catch_up_longer_than_the_cap_goes_on_over_several_sweeps()
    {
        await host.Sweeper.SweepAsync(host.Clock.GetCurrentInstant(), Ct);
        await OpenAsync("t", Duration.FromDays(10));
        host.Clock.Advance(Duration.FromDays(20));

        var first = await host.Sweeper.SweepAsync(host.Clock.GetCurrentInstant(), Ct);
        var second = await host.Sweeper.SweepAsync(host.Clock.GetCurrentInstant(), Ct);
        var third = await host.Sweeper.SweepAsync(host.Clock.GetCurrentInstant(), Ct);
        await host.DrainAsync();

        Assert.Equal((0, 1, 0), (first.TimersFired, second.TimersFired, third.TimersFired));
        Assert.Equal("Reminded", await StatusAsync("t"));
    }

    [Fact]
    public async Task A_timer_years_ahead_is_one_row_that_a_sweep_today_does_not_read()
    {
        await host.Sweeper.SweepAsync(host.Clock.GetCurrentInstant(), Ct);
        await OpenAsync("t", Duration.FromDays(3 * 365));

        host.Clock.Advance(Duration.FromMinutes(90));
        var result = await host.Sweeper.SweepAsync(host.Clock.GetCurrentInstant(), Ct);

        var row = Assert.Single(await TimerRowsAsync());
        Assert.Equal("2029030101", row.PartitionKey);
        Assert.Equal((0, 3), (result.TimersFired, result.PartitionsRead));
    }

    [Fact]
    public async Task A_timer_set_already_due_fires_without_waiting_for_a_sweep()
    {
        await host.Engine.StartAsync(Kind, "t", new TicketOpened("t", EngineHost.Start - Duration.FromDays(2)), "open", "alice", Ct);
        await host.DrainAsync();

        Assert.Empty(await TimerRowsAsync());
        Assert.Equal("Reminded", await StatusAsync("t"));
    }

    [Fact]
    public async Task CatchUpAsync_after_a_jump_of_months_fires_every_due_timer_in_due_order_at_once()
    {
        await host.Sweeper.SweepAsync(host.Clock.GetCurrentInstant(), Ct);
        var days = new[] { 50, 3, 20, 35, 1, 58 };
        foreach (var day in days)
        {
            await OpenAsync($"due-{day:D2}d", Duration.FromDays(day));
        }

        await OpenAsync("due-90d", Duration.FromDays(90));
        host.Clock.Advance(Duration.FromDays(60));
        var result = await host.Sweeper.CatchUpAsync(host.Clock.GetCurrentInstant(), Ct);

        // 60 days are 1440 hours: far beyond one sweep's cap of 168, read in one call.
        Assert.Equal(days.Length, result.TimersFired);
        var queue = await host.Account.QueueAsync(WorkflowStorageNames.EventsQueue, Ct);
        var queued = (await queue.PeekMessagesAsync(32, Ct)).Value
            .Select(m => System.Text.RegularExpressions.Regex.Match(m.Body.ToString(), "due-[0-9]{2}d").Value)
            .ToList();
        Assert.Equal(days.Order().Select(d => $"due-{d:D2}d"), queued);
        await host.DrainAsync();
        foreach (var day in days)
        {
            Assert.Equal("Reminded", await StatusAsync($"due-{day:D2}d"));
        }

        Assert.Equal("Open", await StatusAsync("due-90d"));
        Assert.Single(await TimerRowsAsync());
    }
}
