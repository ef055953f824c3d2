using NodaTime;

namespace SafetyCert.Domain.Workflows;

/// <summary>A date a party must act by, with the rule and source it comes from.</summary>
/// <param name="Name">What is due, e.g. <c>material-review</c>.</param>
/// <param name="Due">The last day; the deadline ends at its close, Beijing time.</param>
/// <param name="Rule">The rule and its source, e.g. <c>RULES.md §4.1 [000 §3(2)1]</c>.</param>
/// <param name="Provisional">True when the date touched a year whose holiday arrangement is not loaded.</param>
public sealed record Deadline(string Name, LocalDate Due, string Rule, bool Provisional = false);
