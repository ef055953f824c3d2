namespace SafetyCert.Host.Local;

/// <summary>
/// A clock that is moved on request while the workflows catch up with the move (the development clock). Timer
/// functions wait until a move has settled, so a run the move made due sees what the move left behind: a digest after
/// a jump of days lists a certificate as expired, not as overdue for renewal.
/// </summary>
internal interface ISettlingClock
{
    /// <summary>Completes at once when no move is in progress, else when it ends.</summary>
    Task WhenSettledAsync(CancellationToken cancellationToken);
}
