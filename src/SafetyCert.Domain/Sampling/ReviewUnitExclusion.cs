namespace SafetyCert.Domain.Sampling;

/// <summary>One reason one unit was left out of a draw, with the rule it follows.</summary>
/// <param name="UnitId">The unit left out.</param>
/// <param name="Reason">The reason as a code.</param>
/// <param name="Text">The reason in words, with the facts that triggered it.</param>
/// <param name="Source">The source of the rule, as in RULES.md.</param>
public sealed record ReviewUnitExclusion(string UnitId, ReviewUnitExclusionReason Reason, string Text, string Source);
