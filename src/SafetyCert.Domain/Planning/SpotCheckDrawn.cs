using SafetyCert.Domain.Workflows;

namespace SafetyCert.Domain.Planning;

/// <summary>
/// A scenario's spot-check draw (RULES.md §9 [004 §8], [003 §4(2)]): the certificates of the scenario issued in
/// <paramref name="Year"/> are sampled with the recorded <paramref name="Seed"/> by <see cref="Sampling.SpotCheckDraw"/>,
/// the draw the API makes. It goes to no workflow; the planner records what was chosen.
/// </summary>
public sealed record SpotCheckDrawn(int Year, ulong Seed) : WorkflowEvent;
