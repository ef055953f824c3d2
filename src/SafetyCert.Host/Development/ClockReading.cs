namespace SafetyCert.Host.Development;

/// <summary>What <c>/dev/clock</c> answers: the time in Beijing and UTC, how far ahead of real time, how fast, and what the catch-up sweep fired.</summary>
internal sealed record ClockReading(string Now, string Utc, string Offset, double Speed, int? TimersFired = null);
