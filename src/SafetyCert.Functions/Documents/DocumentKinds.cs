namespace SafetyCert.Functions.Documents;

/// <summary>
/// The kinds of document the app keeps. Each name is also its blob container (before the storage prefix);
/// the first five match the containers the infrastructure creates with an immutability policy.
/// </summary>
public static class DocumentKinds
{
    public const string SelfAssessmentReports = "self-assessment-reports";
    public const string ApplicationMaterials = "application-materials";
    public const string ReviewReports = "review-reports";
    public const string RevocationEvidence = "revocation-evidence";
    public const string RemediationEvidence = "remediation-evidence";
    public const string VisitReports = "visit-reports";

    public static IReadOnlyList<string> All { get; } =
    [
        SelfAssessmentReports, ApplicationMaterials, ReviewReports, RevocationEvidence, RemediationEvidence, VisitReports,
    ];

    /// <summary>Whether a text names a kind exactly (kinds are lowercase, as container names must be).</summary>
    public static bool IsKnown(string? kind) => kind is not null && All.Contains(kind, StringComparer.Ordinal);
}
