using System.Text.Json;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Entities;

namespace SafetyCert.Host.Local;

/// <summary>
/// The context a function-style orchestrator receives locally. A function is registered without a declared input type,
/// so the worker hands over its input as a raw <see cref="JsonElement"/>; <see cref="GetInput{T}"/> converts it with the
/// worker's data converter, as the Durable Functions worker's own context does. Every other member delegates.
/// </summary>
internal sealed class FunctionOrchestrationContext(
    TaskOrchestrationContext inner, object? input, Func<DataConverter> converter, ILoggerFactory loggerFactory) : TaskOrchestrationContext
{
    public override TaskName Name => inner.Name;

    public override string InstanceId => inner.InstanceId;

    public override ParentOrchestrationInstance? Parent => inner.Parent;

    public override DateTime CurrentUtcDateTime => inner.CurrentUtcDateTime;

    public override bool IsReplaying => inner.IsReplaying;

    public override string Version => inner.Version;

    public override IReadOnlyDictionary<string, object?> Properties => inner.Properties;

    public override TaskOrchestrationEntityFeature Entities => inner.Entities;

    public override ILoggerFactory ReplaySafeLoggerFactory => inner.ReplaySafeLoggerFactory;

    // Only the base class's replay-safe logging reads it, and that is delegated to the inner context above.
    protected override ILoggerFactory LoggerFactory => loggerFactory;

    public override T GetInput<T>() => input switch
    {
        null => default!,
        T typed => typed,
        JsonElement json => converter().Deserialize<T>(json.GetRawText())!,
        _ => converter().Deserialize<T>(converter().Serialize(input))!,
    };

    public override Task CallActivityAsync(TaskName name, object? input = null, TaskOptions? options = null) =>
        inner.CallActivityAsync(name, input, options);

    public override Task CallActivityAsync(TaskName name, TaskOptions options) => inner.CallActivityAsync(name, options);

    public override Task<TResult> CallActivityAsync<TResult>(TaskName name, TaskOptions options) => inner.CallActivityAsync<TResult>(name, options);

    public override Task<TResult> CallActivityAsync<TResult>(TaskName name, object? input = null, TaskOptions? options = null) =>
        inner.CallActivityAsync<TResult>(name, input, options);

    public override Task CreateTimer(TimeSpan delay, CancellationToken cancellationToken) => inner.CreateTimer(delay, cancellationToken);

    public override Task CreateTimer(DateTime fireAt, CancellationToken cancellationToken) => inner.CreateTimer(fireAt, cancellationToken);

    public override Task<T> WaitForExternalEvent<T>(string eventName, CancellationToken cancellationToken = default) =>
        inner.WaitForExternalEvent<T>(eventName, cancellationToken);

    public override void SendEvent(string instanceId, string eventName, object payload) => inner.SendEvent(instanceId, eventName, payload);

    public override void SetCustomStatus(object? customStatus) => inner.SetCustomStatus(customStatus);

    public override Task<TResult> CallSubOrchestratorAsync<TResult>(TaskName orchestratorName, object? input = null, TaskOptions? options = null) =>
        inner.CallSubOrchestratorAsync<TResult>(orchestratorName, input, options);

    public override Task<TResult> CallSubOrchestratorAsync<TResult>(TaskName orchestratorName, TaskOptions options) =>
        inner.CallSubOrchestratorAsync<TResult>(orchestratorName, options);

    public override Task CallSubOrchestratorAsync(TaskName orchestratorName, TaskOptions options) =>
        inner.CallSubOrchestratorAsync(orchestratorName, options);

    public override Task CallSubOrchestratorAsync(TaskName orchestratorName, object? input = null, TaskOptions? options = null) =>
        inner.CallSubOrchestratorAsync(orchestratorName, input, options);

    public override void ContinueAsNew(object? newInput = null, bool preserveUnprocessedEvents = true) =>
        inner.ContinueAsNew(newInput, preserveUnprocessedEvents);

    public override void ContinueAsNew(ContinueAsNewOptions options) => inner.ContinueAsNew(options);

    public override Guid NewGuid() => inner.NewGuid();

    public override ILogger CreateReplaySafeLogger(string categoryName) => inner.CreateReplaySafeLogger(categoryName);

    public override ILogger CreateReplaySafeLogger(Type type) => inner.CreateReplaySafeLogger(type);

    public override ILogger CreateReplaySafeLogger<T>() => inner.CreateReplaySafeLogger<T>();

    public override int CompareVersionTo(string otherVersion) => inner.CompareVersionTo(otherVersion);
}
