namespace SafetyCert.Functions.Documents;

/// <summary>
/// The clock download links are signed with: real time, even where the development clock moves business time forward
/// (a link meant for ten minutes must not live as long as the days the clock was moved). Storage checks the expiry
/// against its own real clock.
/// </summary>
public sealed class LinkClock(TimeProvider time)
{
    /// <summary>The real clock.</summary>
    public static LinkClock System { get; } = new(TimeProvider.System);

    public TimeProvider Time { get; } = time;
}
