using NodaTime;

namespace SafetyCert.Functions.Notifications.Digest;

/// <summary>The open deadlines a party oversees; the workflow engine provides it from its due-time index.</summary>
internal interface IDeadlineFeed
{
    /// <summary>Open (not yet met) deadlines due on or before <paramref name="until"/>, overdue ones included.</summary>
    IAsyncEnumerable<DigestDeadline> OpenAsync(string scope, LocalDate until, CancellationToken ct);
}
