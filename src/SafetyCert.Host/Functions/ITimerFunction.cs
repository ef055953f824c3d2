namespace SafetyCert.Host.Functions;

/// <summary>A function fired on a schedule, locally by the trigger runtime and in Azure by the Functions host.</summary>
public interface ITimerFunction
{
    /// <summary>The function's name: its folder in the Azure layout and its invocation path.</summary>
    string Name { get; }

    /// <summary>Six-field NCRONTAB (seconds first), read in Asia/Shanghai.</summary>
    string Schedule { get; }

    Task RunAsync(TimerInfo info, CancellationToken cancellationToken);
}
