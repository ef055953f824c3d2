namespace SafetyCert.Host.Local;

/// <summary>Why a timer function runs.</summary>
internal enum TimerFiring
{
    /// <summary>Its schedule came due.</summary>
    Scheduled,

    /// <summary>An occurrence was missed: no host ran while it came due, or the clock jumped past more than one.</summary>
    PastDue,

    /// <summary><c>RunOnStartup</c>: once whenever a host starts.</summary>
    Startup,
}
