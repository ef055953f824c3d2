using SafetyCert.Domain.Workflows;
using SafetyCert.Engine.Tests.Support;
using SafetyCert.Engine.Workflows;

namespace SafetyCert.Engine.Tests.Workflows;

public sealed class VersioningTests(AzuriteFixture azurite)
{
    private const string Kind = TicketWorkflow.TicketKind;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static WorkflowRegistry V2() =>
        new WorkflowRegistry().Add(new TicketWorkflowV2(), TicketWorkflowV2.SchemaVersion, TicketWorkflowV2.Upgrade);

    [Fact]
    public async Task An_instance_stored_by_v1_keeps_working_under_the_v2_decider()
    {
        var account = azurite.NewAccount();
        var v1 = new EngineHost(account);
        await v1.Engine.StartAsync(Kind, "t", new TicketOpened("old"), "open", "alice", Ct);
        await v1.Engine.ApplyAsync(Kind, "t", new Noted("a"), "n1", "alice", Ct);
        await v1.Engine.ApplyAsync(Kind, "t", new Noted("b"), "n2", "alice", Ct);

        var v2 = new EngineHost(account, V2());
        var before = await v2.Engine.GetStatusAsync(Kind, "t", Ct);
        var noted = await v2.Engine.ApplyAsync(Kind, "t", new Noted("c"), "n3", "alice", Ct);
        var escalated = await v2.Engine.ApplyAsync(Kind, "t", new Escalated("regulator"), "esc", "alice", Ct);
        var repeat = await v2.Engine.ApplyAsync(Kind, "t", new Noted("a"), "n1", "alice", Ct);

        Assert.Equal(1, before!.SchemaVersion);
        Assert.Contains("\"noteCount\":2", before.StateJson, StringComparison.Ordinal);
        Assert.Equal((Outcome.Applied, Outcome.Applied, true), (noted.Outcome, escalated.Outcome, repeat.Duplicate));
        var after = await v2.Engine.GetStatusAsync(Kind, "t", Ct);
        Assert.Equal(("Escalated", 2), (after!.Status, after.SchemaVersion));
        Assert.Contains("\"noteCount\":3", after.StateJson, StringComparison.Ordinal);
        Assert.Contains("\"escalatedTo\":\"regulator\"", after.StateJson, StringComparison.Ordinal);
        Assert.Contains("\"title\":\"old\"", after.StateJson, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_v1_decider_refuses_an_instance_stored_by_v2()
    {
        var account = azurite.NewAccount();
        var v2 = new EngineHost(account, V2());
        await v2.Engine.StartAsync(Kind, "t", new TicketOpened("new"), "open", "alice", Ct);

        var v1 = new EngineHost(account);
        var error = await Assert.ThrowsAsync<WorkflowVersionException>(() => v1.Engine.ApplyAsync(Kind, "t", new Noted("a"), "n1", "alice", Ct));
        Assert.Contains("schema version 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_schema_version_above_one_without_an_upgrade_is_refused_at_registration()
    {
        var error = Assert.Throws<ArgumentException>(() => new WorkflowRegistry().Add(new TicketWorkflowV2(), 2));
        Assert.Contains("upgrade", error.Message, StringComparison.Ordinal);
    }
}
