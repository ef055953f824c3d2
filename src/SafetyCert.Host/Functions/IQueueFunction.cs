namespace SafetyCert.Host.Functions;

/// <summary>A function fired once per queue message.</summary>
public interface IQueueFunction
{
    /// <summary>The function's name: its folder in the Azure layout and its invocation path.</summary>
    string Name { get; }

    /// <summary>The logical queue name; the storage prefix is put in front of it.</summary>
    string QueueName { get; }

    Task RunAsync(QueueMessageInfo message, CancellationToken cancellationToken);
}
