using Microsoft.Azure.Functions.Worker;

namespace SafetyCert.Functions.Notifications;

/// <summary>
/// Every five minutes: sends what is due but was not sent — queue messages lost, hosts down, senders that died
/// mid-send. On start after downtime it fires past-due once and clears the backlog.
/// </summary>
internal sealed class NotificationCatchUpFunction(NotificationSender sender, TimeProvider time)
{
    public const string FunctionName = "NotificationCatchUp";

    [Function(FunctionName)]
    public Task RunAsync([TimerTrigger("0 */5 * * * *")] TimerInfo timer, CancellationToken cancellationToken) => RunAsync(cancellationToken);

    public Task<int> RunAsync(CancellationToken ct) => sender.CatchUpAsync(time.GetUtcNow(), ct);
}
