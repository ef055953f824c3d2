using SafetyCert.Host.Functions;

namespace SafetyCert.Host.Notifications;

/// <summary>
/// Timer function every five minutes: sends what is due but was not sent — queue messages lost, hosts down,
/// senders that died mid-send. On start after downtime it fires past-due once and clears the backlog.
/// </summary>
internal sealed class NotificationCatchUpFunction(NotificationSender sender, TimeProvider time) : ITimerFunction
{
    public const string FunctionName = "NotificationCatchUp";

    public string Name => FunctionName;

    public string Schedule => "0 */5 * * * *";

    public Task<int> RunAsync(CancellationToken ct) => sender.CatchUpAsync(time.GetUtcNow(), ct);

    public Task RunAsync(TimerInfo info, CancellationToken cancellationToken) => RunAsync(cancellationToken);
}
