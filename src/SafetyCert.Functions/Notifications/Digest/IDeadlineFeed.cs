using NodaTime;

namespace SafetyCert.Functions.Notifications.Digest;

/// <summary>The open deadlines of the running workflows, each with the facts that say whose they are (<see cref="WorkflowDeadlineFeed"/>).</summary>
internal interface IDeadlineFeed
{
    /// <summary>Open (not yet met) deadlines due on or before <paramref name="until"/>, overdue ones included.</summary>
    IAsyncEnumerable<DigestDeadline> OpenAsync(LocalDate until, CancellationToken ct);
}
