using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using SafetyCert.Host.Functions;
using SafetyCert.Host.Triggers;

namespace SafetyCert.Host.Tests.Triggers;

/// <summary>A started <see cref="TriggerRuntime"/> against the shared Azurite, on a fake clock.</summary>
public sealed class RuntimeUnderTest : IAsyncDisposable
{
    private RuntimeUnderTest(TriggerRuntime runtime, LogCollector logs)
    {
        Runtime = runtime;
        Logs = logs;
    }

    public TriggerRuntime Runtime { get; }

    public LogCollector Logs { get; }

    public static async Task<RuntimeUnderTest> StartAsync(
        AzuriteFixture azurite,
        string prefix,
        FakeTimeProvider time,
        IEnumerable<ITimerFunction> timers,
        IEnumerable<IQueueFunction>? queues = null,
        QueueTriggerListener? queueListener = null)
    {
        var logs = new LogCollector();
        var runtime = new TriggerRuntime(
            new FunctionCatalog(timers, queues ?? []),
            azurite.Blobs,
            Options.Create(new TriggerStorageOptions { Prefix = prefix }),
            time,
            new Logger<TriggerRuntime>(new LoggerFactory([logs])),
            queueListener);
        await runtime.StartAsync(TestContext.Current.CancellationToken);
        return new RuntimeUnderTest(runtime, logs);
    }

    public async ValueTask DisposeAsync()
    {
        await Runtime.StopAsync(CancellationToken.None);
        Runtime.Dispose();
    }
}
