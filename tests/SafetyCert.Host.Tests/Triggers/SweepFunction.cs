namespace SafetyCert.Host.Tests.Triggers;

/// <summary>A timer function registered through DI, as the app's own functions are.</summary>
public sealed class SweepFunction() : RecordingTimerFunction("Sweep", "0 */5 * * * *");
