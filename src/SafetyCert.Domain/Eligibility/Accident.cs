using NodaTime;

namespace SafetyCert.Domain.Eligibility;

/// <summary>A production safety accident (生产安全事故); <paramref name="Deaths"/> 0 for one without deaths.</summary>
public sealed record Accident(LocalDate OccurredOn, int Deaths)
{
    /// <summary>Whether anyone died (死亡事故).</summary>
    public bool IsFatal => Deaths > 0;
}
