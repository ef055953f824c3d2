using NodaTime;
using SafetyCert.Engine.Tests.Support;
using SafetyCert.Engine.Workflows;

namespace SafetyCert.Engine.Tests.Workflows;

public sealed class CrashTests(AzuriteFixture azurite)
{
    private const string Kind = TicketWorkflow.TicketKind;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string, int> Crashes()
    {
        var data = new TheoryData<string, int>();
        foreach (var point in Enum.GetNames<FaultPoint>())
        {
            foreach (var nth in point == nameof(FaultPoint.MidSweep) ? new[] { 1, 2 } : new[] { 1, 2, 4, 7 })
            {
                data.Add(point, nth);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Crashes))]
    public async Task A_crash_at_any_point_ends_like_a_run_without_one(string pointName, int nth)
    {
        var point = Enum.Parse<FaultPoint>(pointName);
        var clean = new EngineHost(azurite.NewAccount());
        await RunScenarioAsync(clean);

        var crashing = new EngineHost(azurite.NewAccount());
        var faults = new ThrowingFaults(point, nth);
        crashing.Engine.Faults = faults;
        await RunScenarioAsync(crashing);

        Assert.True(faults.Fired, $"The scenario never reached {point} {nth} times.");
        Assert.Equal(await clean.SnapshotAsync(), await crashing.SnapshotAsync());
        Assert.Equal(clean.Notifications.Distinct(), crashing.Notifications.Distinct());
    }

    /// <summary>Every kind of effect, each step through the queue the way the host runs it.</summary>
    private static async Task RunScenarioAsync(EngineHost host)
    {
        var steps = new (string Id, Domain.Workflows.WorkflowEvent Event)[]
        {
            ("p", new Noted("one")),
            ("p", new ChildSpawned("c")),
            ("p", new ReminderMoved(EngineHost.Start + Duration.FromHours(2))),
            ("c", new ReminderMoved(EngineHost.Start + Duration.FromHours(3))),
        };
        await CrashTolerantAsync(() => host.Engine.StartAsync(Kind, "p", new TicketOpened("parent", EngineHost.Start + Duration.FromHours(30)), "start", "alice", Ct));
        for (var i = 0; i < steps.Length; i++)
        {
            await host.Engine.RaiseAsync(Kind, steps[i].Id, steps[i].Event, $"step-{i}", "alice", Ct);
            await host.DrainAsync();
        }

        host.Clock.Advance(Duration.FromHours(4));
        await SweepUntilCleanAsync(host);
        await host.DrainAsync();
        Assert.Equal("Reminded", (await host.Engine.GetStatusAsync(Kind, "c", Ct))!.Status);
        await host.Engine.RaiseAsync(Kind, "p", new TicketClosed(), "close", "alice", Ct);
        await host.DrainAsync();

        // Whatever a crash outside a queue handler left behind is finished by the next delivery or sweep.
        await CrashTolerantAsync(() => host.Engine.DrainOutboxAsync(Kind, "p", Ct));
        await CrashTolerantAsync(() => host.Engine.DrainOutboxAsync(Kind, "c", Ct));
    }

    /// <summary>A synchronous call that crashed is simply made again, as a caller retrying would.</summary>
    private static async Task CrashTolerantAsync(Func<Task> call)
    {
        try
        {
            await call();
        }
        catch (SimulatedCrashException)
        {
            await call();
        }
    }

    private static async Task SweepUntilCleanAsync(EngineHost host)
    {
        for (var attempt = 0; attempt < 3; attempt++)
        {
            try
            {
                await host.Sweeper.SweepAsync(host.Clock.GetCurrentInstant(), TestContext.Current.CancellationToken);
                return;
            }
            catch (SimulatedCrashException)
            {
                // The next minute's sweep runs again.
            }
        }
    }
}
