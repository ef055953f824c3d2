using System.ComponentModel.DataAnnotations;
using SafetyCert.Host.Functions;

namespace SafetyCert.Host.Triggers;

/// <summary>
/// Names the trigger runtime derives in storage. The prefix lets several deployments or test runs share
/// one account; in Azure the same value reaches function.json through the <c>Storage__Prefix</c> app setting.
/// </summary>
public sealed class TriggerStorageOptions
{
    public const string SectionName = "Storage";

    [RegularExpression("^([a-z0-9]+-?)?$", ErrorMessage = "Storage:Prefix may hold lowercase letters and digits, optionally ending in one '-'.")]
    [StringLength(24)]
    public string Prefix { get; set; } = "";

    /// <summary>The container holding each timer's status blob and lock blob.</summary>
    public string TimersContainer => $"{Prefix}timers";

    /// <summary>The physical queue a queue function listens on.</summary>
    public string QueueNameOf(IQueueFunction function)
    {
        ArgumentNullException.ThrowIfNull(function);
        var name = Prefix + function.QueueName;
        return name.Length is >= 3 and <= 63
            ? name
            : throw new InvalidOperationException(
                $"Queue function '{function.Name}' would listen on '{name}', which is not 3 to 63 characters long.");
    }
}
