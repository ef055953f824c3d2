using SafetyCert.Domain.Eligibility;

namespace SafetyCert.Functions.Api.Applications;

/// <summary>The fast-track assessment as the enterprise sees it before it applies (RULES.md §6 [001 art.17]).</summary>
internal sealed record FastTrackView(bool Eligible, IReadOnlyList<FastTrackView.Condition> Conditions)
{
    public static FastTrackView Of(FastTrackAssessment assessment) =>
        new(assessment.FastTrack, [.. assessment.Conditions.Select(c => new Condition(c.Code, c.Passed, c.ReasonZh, c.ReasonEn, c.Source))]);

    /// <summary>One condition: <paramref name="Reason"/> in Chinese, <paramref name="ReasonEn"/> in English.</summary>
    internal sealed record Condition(string Code, bool Met, string Reason, string ReasonEn, string Source);
}
