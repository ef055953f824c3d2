using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NodaTime;
using SafetyCert.Engine.Notifications;
using SafetyCert.Engine.Storage;
using SafetyCert.Engine.Tests.Support;
using SafetyCert.Engine.Timers;
using SafetyCert.Engine.Workflows;

namespace SafetyCert.Engine.Tests.Workflows;

public sealed class RegistrationTests(AzuriteFixture azurite)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddSafetyCertStorage(configuration);
        services.AddSingleton<INotificationOutbox, RecordingNotifications>();
        services.AddWorkflowEngine(new WorkflowRegistry().Add(new TicketWorkflow()));
        return services.BuildServiceProvider();
    }

    [Fact]
    public async Task AddSafetyCertStorage_and_AddWorkflowEngine_give_a_working_engine_from_configuration()
    {
        using var provider = Build(new() { ["Storage:ConnectionString"] = azurite.ConnectionString, ["Storage:Prefix"] = "reg1" });

        var engine = provider.GetRequiredService<WorkflowEngine>();
        await engine.StartAsync(TicketWorkflow.TicketKind, "t", new TicketOpened("x", SystemClock.Instance.GetCurrentInstant() + Duration.FromDays(1)), "open", "alice", Ct);

        Assert.Equal("reg1", provider.GetRequiredService<StorageAccount>().Prefix);
        Assert.NotNull(provider.GetRequiredService<TimerSweeper>());
        Assert.Equal("Open", (await engine.GetStatusAsync(TicketWorkflow.TicketKind, "t", Ct))!.Status);
    }

    [Fact]
    public void AddSafetyCertStorage_with_a_bad_prefix_fails_validation()
    {
        using var provider = Build(new() { ["Storage:ConnectionString"] = azurite.ConnectionString, ["Storage:Prefix"] = "Bad-Prefix" });

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<StorageOptions>>().Value);
        Assert.Contains("Storage:Prefix 'Bad-Prefix'", error.Message, StringComparison.Ordinal);
    }
}
