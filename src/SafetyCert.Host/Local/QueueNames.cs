using System.Text.RegularExpressions;

namespace SafetyCert.Host.Local;

/// <summary>Queue names as Azure Storage accepts them, so a name that works here works in Azure.</summary>
internal static partial class QueueNames
{
    /// <summary>The queue a failing message moves to after its last dequeue, as in Functions.</summary>
    public static string Poison(string queueName) => $"{queueName}-poison";

    public static void Check(string functionName, string queueName)
    {
        // The poison queue's name must be valid too: 7 characters fewer than a queue name may have.
        if (!Valid().IsMatch(queueName) || queueName.Length > 63 - "-poison".Length)
        {
            throw new InvalidOperationException(
                $"Function '{functionName}' cannot run locally: '{queueName}' is not a queue name Azure accepts with its poison queue " +
                "(3-56 lowercase letters, digits and single hyphens, starting and ending with a letter or digit).");
        }
    }

    [GeneratedRegex("^[a-z0-9](?:[a-z0-9]|-(?=[a-z0-9])){2,}$")]
    private static partial Regex Valid();
}
