using SafetyCert.Host.Functions;

namespace SafetyCert.Host.Triggers;

/// <summary>One queue function with the physical queues it reads from and gives up to.</summary>
public sealed record QueueTrigger(IQueueFunction Function, string QueueName)
{
    /// <summary>Where a message goes after its fifth failed delivery.</summary>
    public string PoisonQueueName => $"{QueueName}-poison";
}
