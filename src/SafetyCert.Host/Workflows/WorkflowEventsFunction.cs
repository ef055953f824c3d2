using SafetyCert.Engine.Queues;
using SafetyCert.Engine.Workflows;
using SafetyCert.Host.Functions;

namespace SafetyCert.Host.Workflows;

/// <summary>Decides every workflow event from the events queue; a poisoned event is recorded on its instance's status.</summary>
internal sealed class WorkflowEventsFunction(WorkflowEngine engine) : IQueueFunction
{
    public string Name => "WorkflowEvents";

    public string QueueName => WorkflowStorageNames.EventsQueue;

    public Task RunAsync(QueueMessageInfo message, CancellationToken cancellationToken) =>
        engine.HandleEventMessageAsync(message, cancellationToken);

    public Task OnPoisonAsync(QueueMessageInfo message, Exception error, CancellationToken cancellationToken) =>
        engine.RecordPoisonAsync(message, error, cancellationToken);
}
