using SafetyCert.Engine.Queues;

namespace SafetyCert.Host.Functions;

/// <summary>A function fired once per queue message.</summary>
public interface IQueueFunction
{
    /// <summary>The function's name: its folder in the Azure layout and its invocation path.</summary>
    string Name { get; }

    /// <summary>The logical queue name; the storage prefix is put in front of it.</summary>
    string QueueName { get; }

    /// <summary>Handles one delivery; throwing leaves the message for another delivery.</summary>
    Task RunAsync(QueueMessageInfo message, CancellationToken cancellationToken);

    /// <summary>
    /// Told when a message failed its last delivery and was moved to the poison queue (locally; under the
    /// Azure Functions host, the host moves it and this is not called).
    /// </summary>
    Task OnPoisonAsync(QueueMessageInfo message, Exception error, CancellationToken cancellationToken) => Task.CompletedTask;
}
