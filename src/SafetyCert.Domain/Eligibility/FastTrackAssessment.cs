using System.Collections.Immutable;

namespace SafetyCert.Domain.Eligibility;

/// <summary>The fast-track renewal conditions [001 art.17], each with its outcome.</summary>
public sealed record FastTrackAssessment(ImmutableArray<ConditionResult> Conditions)
{
    /// <summary>Every condition that does not hold.</summary>
    public ImmutableArray<ConditionResult> Failures => [.. Conditions.Where(c => !c.Passed)];

    /// <summary>Renewal without an on-site review: every condition holds.</summary>
    public bool FastTrack => Conditions.All(c => c.Passed);

    /// <summary>A full on-site review follows.</summary>
    public bool FullReviewRequired => !FastTrack;
}
