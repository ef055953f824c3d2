using System.Collections.Immutable;
using NodaTime;

namespace SafetyCert.Domain.Eligibility;

/// <summary>What is known about an enterprise when it applies for a grade (RULES.md §3, §6).</summary>
public sealed record EnterpriseFacts
{
    /// <summary>Since when the standardization system has run effectively; null if it does not.</summary>
    public LocalDate? SystemRunningSince { get; init; }

    /// <summary>Whether the latest self-assessment found the firm up to standard (自评达标).</summary>
    public bool SelfAssessmentPassed { get; init; }

    /// <summary>Whether the industry needs a work-safety licence (安全生产许可证).</summary>
    public bool LicenceRequired { get; init; }

    /// <summary>The last day the licence is valid; null if the firm has none.</summary>
    public LocalDate? LicenceValidUntil { get; init; }

    /// <summary>Post and professional standardization done (岗位达标、专业达标).</summary>
    public bool PostAndProfessionalStandardizationDone { get; init; }

    /// <summary>Risk grading and hazard investigation (双重预防机制) in place.</summary>
    public bool DualPreventionInPlace { get; init; }

    public ImmutableArray<Accident> Accidents { get; init; } = [];

    /// <summary>The date of the latest revocation of a grade, if any.</summary>
    public LocalDate? LastRevokedOn { get; init; }

    /// <summary>The certificate held, for renewal or upgrade.</summary>
    public HeldCertificate? CurrentCertificate { get; init; }

    /// <summary>Self-assessment reports by year.</summary>
    public ImmutableArray<SelfAssessmentRecord> SelfAssessments { get; init; } = [];

    /// <summary>Inspections or quality audits found an outstanding management problem.</summary>
    public bool OutstandingProblemsFound { get; init; }

    /// <summary>Inspections or quality audits found a major hidden hazard (重大隐患).</summary>
    public bool MajorHiddenHazardFound { get; init; }

    /// <summary>Production, business or storage sites rebuilt, expanded or relocated.</summary>
    public bool SitesRebuiltExpandedOrRelocated { get; init; }

    /// <summary>The licensed scope of business was widened.</summary>
    public bool LicenceScopeWidened { get; init; }

    /// <summary>A marked change of the internal or external working environment.</summary>
    public bool WorkingEnvironmentChangedMarkedly { get; init; }

    /// <summary>The grading standard was revised after the held certificate was issued.</summary>
    public bool GradingStandardRevisedSinceIssue { get; init; }
}
