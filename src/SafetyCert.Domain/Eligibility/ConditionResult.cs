namespace SafetyCert.Domain.Eligibility;

/// <summary>
/// One condition checked: a stable machine <paramref name="Code"/> (see <see cref="ConditionCodes"/>),
/// whether it holds, why in Chinese and English, and the rule's source.
/// </summary>
public sealed record ConditionResult(string Code, bool Passed, string ReasonZh, string ReasonEn, string Source);
