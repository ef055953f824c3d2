using NodaTime;

namespace SafetyCert.Domain.Sampling;

/// <summary>
/// Consulting a review unit, or one of its experts, gave an enterprise in building its system
/// (RULES.md §1, consulting provider). <paramref name="ExpertId"/> is null when the unit itself was the
/// consultant; <paramref name="Until"/> is null while the engagement is open.
/// </summary>
public sealed record ConsultingEngagement(string EnterpriseId, LocalDate From, LocalDate? Until, string? ExpertId = null);
