using NodaTime;

namespace SafetyCert.Domain.Planning;

/// <summary>
/// One line of a planned lifecycle. <see cref="Type"/> says which of the optional fields are set:
/// <c>event</c> (an event applied), <c>state</c> (From → To), <c>deadline</c> (Name, Due, Rule, Provisional),
/// <c>notice</c> (Recipient, Kind, Class, Due, Rule), <c>draw</c> (a spot-check sample: Name is the grade, Reason what was
/// chosen, Rule), <c>rejected</c> or <c>ignored</c> (Reason).
/// </summary>
public sealed record TimelineEntry
{
    public required LocalDate Date { get; init; }

    public required LocalTime Time { get; init; }

    public required string Type { get; init; }

    public required string Workflow { get; init; }

    public required string Instance { get; init; }

    public string? Event { get; init; }

    public string? From { get; init; }

    public string? To { get; init; }

    public string? Name { get; init; }

    public LocalDate? Due { get; init; }

    public string? Rule { get; init; }

    public bool? Provisional { get; init; }

    public string? Recipient { get; init; }

    public string? Kind { get; init; }

    public string? Class { get; init; }

    public string? Reason { get; init; }
}
