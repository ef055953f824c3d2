using NodaTime;
using NodaTime.Text;
using SafetyCert.Domain.Eligibility;
using SafetyCert.Domain.Grading;
using SafetyCert.Domain.Profiles;

namespace SafetyCert.Domain.Tests.Eligibility;

/// <summary>An enterprise that meets every condition, for tests to spoil one fact at a time.</summary>
internal static class EligibilityFixtures
{
    public static JurisdictionProfile Ningxia { get; } = ProfileCatalog.Embedded.Get("ningxia-2017");

    public static LocalDate AppliedOn { get; } = new(2026, 6, 10);

    public static EnterpriseFacts Eligible { get; } = new()
    {
        SystemRunningSince = new LocalDate(2025, 1, 1),
        SelfAssessmentPassed = true,
        LicenceRequired = true,
        LicenceValidUntil = new LocalDate(2027, 12, 31),
        PostAndProfessionalStandardizationDone = true,
        DualPreventionInPlace = true,
    };

    public static LocalDate D(string text) => LocalDatePattern.Iso.Parse(text).Value;

    public static LocalDate? OptionalDate(string? text) => text is null ? null : D(text);

    public static GradeApplication Initial(Grade grade = Grade.Level3, string? on = null) =>
        new(ApplicationKind.Initial, grade, on is null ? AppliedOn : D(on));

    public static ConditionResult Condition(this EligibilityAssessment assessment, string code) =>
        Assert.Single(assessment.Conditions, c => c.Code == code);

    public static ConditionResult Condition(this FastTrackAssessment assessment, string code) =>
        Assert.Single(assessment.Conditions, c => c.Code == code);
}
