using System.Collections.Concurrent;
using SafetyCert.Engine.Queues;
using SafetyCert.Host.Functions;

namespace SafetyCert.Host.Tests.Triggers;

/// <summary>A queue function that records each message and fails on a message whose body is "fail".</summary>
public class RecordingQueueFunction(string name, string queueName) : IQueueFunction
{
    public string Name { get; } = name;

    public string QueueName { get; } = queueName;

    public ConcurrentQueue<QueueMessageInfo> Messages { get; } = new();

    public Task RunAsync(QueueMessageInfo message, CancellationToken cancellationToken)
    {
        Messages.Enqueue(message);
        return message.Body == "fail"
            ? throw new InvalidOperationException("The message asked to fail.")
            : Task.CompletedTask;
    }
}
