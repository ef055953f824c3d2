using Microsoft.Extensions.Options;

namespace SafetyCert.Host.Local;

/// <summary>Durable Functions' task hub naming rule and the ranges Azure Storage accepts, checked before anything starts.</summary>
internal sealed class LocalDurableOptionsValidator : IValidateOptions<LocalDurableOptions>
{
    private const int MaxPartitionCount = 16;

    public ValidateOptionsResult Validate(string? name, LocalDurableOptions options)
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(options.StorageConnectionString))
        {
            errors.Add($"{LocalDurableOptions.Section}:StorageConnectionString is empty.");
        }

        if (!IsTaskHubName(options.TaskHubName))
        {
            errors.Add(
                $"{LocalDurableOptions.Section}:TaskHubName is '{options.TaskHubName}': a task hub name has 3 to 45 letters (a-z, A-Z) " +
                "and digits and starts with a letter, because it becomes the prefix of the hub's queues, tables and blob containers.");
        }

        if (string.IsNullOrWhiteSpace(options.WorkerId))
        {
            errors.Add($"{LocalDurableOptions.Section}:WorkerId is empty.");
        }

        if (options.PartitionCount is < 1 or > MaxPartitionCount)
        {
            errors.Add($"{LocalDurableOptions.Section}:PartitionCount is {options.PartitionCount}; it must be 1 to {MaxPartitionCount}.");
        }

        RequireWholeSeconds(errors, nameof(options.ControlQueueVisibilityTimeout), options.ControlQueueVisibilityTimeout);
        RequireWholeSeconds(errors, nameof(options.WorkItemQueueVisibilityTimeout), options.WorkItemQueueVisibilityTimeout);
        RequirePositive(errors, nameof(options.MaxQueuePollingInterval), options.MaxQueuePollingInterval);
        RequirePositive(errors, nameof(options.ShutdownTimeout), options.ShutdownTimeout);
        if (options.MaxConcurrentOrchestrations < 1 || options.MaxConcurrentActivities < 1)
        {
            errors.Add($"{LocalDurableOptions.Section}:MaxConcurrentOrchestrations and MaxConcurrentActivities must be at least 1.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    public static bool IsTaskHubName(string? name) =>
        name is { Length: >= 3 and <= 45 } && char.IsAsciiLetter(name[0]) && name.All(char.IsAsciiLetterOrDigit);

    // Azure Storage counts a queue message's visibility in whole seconds, from 1 s up.
    private static void RequireWholeSeconds(List<string> errors, string property, TimeSpan value)
    {
        if (value < TimeSpan.FromSeconds(1) || value.Ticks % TimeSpan.TicksPerSecond != 0)
        {
            errors.Add($"{LocalDurableOptions.Section}:{property} is {value}; it must be a whole number of seconds, at least 1.");
        }
    }

    private static void RequirePositive(List<string> errors, string property, TimeSpan value)
    {
        if (value <= TimeSpan.Zero)
        {
            errors.Add($"{LocalDurableOptions.Section}:{property} is {value}; it must be positive.");
        }
    }
}
