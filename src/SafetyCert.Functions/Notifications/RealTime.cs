namespace SafetyCert.Functions.Notifications;

/// <summary>
/// The wall clock, for what runs on real time whatever the business clock says: a sender's lease on a delivery, the
/// robots' per-minute limits, the timestamps receivers check in signatures. The business clock (<see cref="TimeProvider"/>
/// and <c>IClock</c>, which <c>dev --clock-speed</c> accelerates) only decides what is due: under a speed of 43200 a
/// five-minute lease timed on it would run out in seven real milliseconds and a second sender would send again.
/// </summary>
internal sealed class RealTime(TimeProvider wall)
{
    public DateTimeOffset UtcNow => wall.GetUtcNow();

    /// <summary>The same clock for components that take a <see cref="TimeProvider"/>.</summary>
    public TimeProvider Provider => wall;
}
