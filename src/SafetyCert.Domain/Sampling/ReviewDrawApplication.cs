using NodaTime;
using SafetyCert.Domain.Grading;

namespace SafetyCert.Domain.Sampling;

/// <summary>The facts of an accepted application that decide which review units may review it.</summary>
/// <param name="ApplicationId">The application the draw is for.</param>
/// <param name="EnterpriseId">The applying enterprise; consulting for it disqualifies a unit.</param>
/// <param name="Grade">The grade applied for; the unit must be approved for it.</param>
/// <param name="Industry">The enterprise's industry; the unit must be approved for it.</param>
/// <param name="CycleStart">
/// First day of the enterprise's current standardization cycle (达标创建周期, [004 §3]): consulting that
/// ended before it does not conflict.
/// </param>
public sealed record ReviewDrawApplication(string ApplicationId, string EnterpriseId, Grade Grade, string Industry, LocalDate CycleStart);
