namespace SafetyCert.Host.Development;

/// <summary>The body of <c>POST /dev/clock</c>: exactly one of an ISO-8601 period to advance by or a time to move to.</summary>
internal sealed record ClockChange(string? Advance, string? To);
