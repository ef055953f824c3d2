using System.Text.RegularExpressions;

namespace SafetyCert.Host.Functions;

/// <summary>
/// Every function of the app: the timers, the queue handlers and the HTTP API as one function named
/// <see cref="ApiFunctionName"/>. The local trigger runtime, the custom-handler endpoints and the generated
/// Azure layout all read this one list, so they cannot disagree.
/// </summary>
public sealed partial class FunctionCatalog
{
    /// <summary>The single function that carries every HTTP request in Azure.</summary>
    public const string ApiFunctionName = "Api";

    private readonly Dictionary<string, ITimerFunction> timersByName;
    private readonly Dictionary<string, IQueueFunction> queuesByName;

    public FunctionCatalog(IEnumerable<ITimerFunction> timers, IEnumerable<IQueueFunction> queues)
    {
        Timers = [.. timers];
        Queues = [.. queues];

        // Azure treats function names case-insensitively, so two names differing only in case collide there.
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { ApiFunctionName };
        foreach (var name in Timers.Select(t => t.Name).Concat(Queues.Select(q => q.Name)))
        {
            if (name is null || !FunctionName().IsMatch(name))
            {
                throw new ArgumentException(
                    $"Function name '{name}' is invalid: it must start with a letter and hold only letters, digits, '_' or '-' (at most 128).");
            }

            if (!seen.Add(name))
            {
                throw new ArgumentException($"Function name '{name}' is used twice (names are case-insensitive; '{ApiFunctionName}' is reserved).");
            }
        }

        Schedules = Timers.ToDictionary(t => t.Name, t => TimerSchedule.Parse(t.Name, t.Schedule), StringComparer.OrdinalIgnoreCase);
        foreach (var queue in Queues)
        {
            if (queue.QueueName is null || !QueueName().IsMatch(queue.QueueName))
            {
                throw new ArgumentException(
                    $"Queue function '{queue.Name}' listens on '{queue.QueueName}', which is not a valid queue name " +
                    "(lowercase letters, digits and single hyphens, starting with a letter or digit, at most 63).");
            }
        }

        timersByName = Timers.ToDictionary(t => t.Name, StringComparer.OrdinalIgnoreCase);
        queuesByName = Queues.ToDictionary(q => q.Name, StringComparer.OrdinalIgnoreCase);
    }

    public IReadOnlyList<ITimerFunction> Timers { get; }

    public IReadOnlyList<IQueueFunction> Queues { get; }

    /// <summary>The parsed schedule of each timer function, by function name.</summary>
    public IReadOnlyDictionary<string, TimerSchedule> Schedules { get; }

    /// <summary>Every function name, the HTTP API included.</summary>
    public IEnumerable<string> Names =>
        Timers.Select(t => t.Name).Concat(Queues.Select(q => q.Name)).Append(ApiFunctionName);

    public ITimerFunction? FindTimer(string name) => timersByName.GetValueOrDefault(name);

    public IQueueFunction? FindQueue(string name) => queuesByName.GetValueOrDefault(name);

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_-]{0,127}$")]
    private static partial Regex FunctionName();

    [GeneratedRegex("^(?=.{1,63}$)[a-z0-9](?:[a-z0-9]|-(?!-))*$")]
    private static partial Regex QueueName();
}
