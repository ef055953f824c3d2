using SafetyCert.Domain.Workflows;
using SafetyCert.Functions.Access;

namespace SafetyCert.Functions.Documents;

/// <summary>
/// Who may put which documents on an enterprise's file and who may read them (RULES.md §1 parties):
/// the enterprise files its own self-assessments, application materials and remediation evidence; a review
/// unit its review and visit reports, only for an enterprise it was drawn to review; a regulator revocation evidence for enterprises in its region.
/// The enterprise, review organizations and regulators covering its region, and administrators read.
/// </summary>
public static class DocumentPermissions
{
    public static bool MayUpload(Caller caller, EnterpriseRef enterprise, string kind)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(enterprise);
        return caller.Role switch
        {
            Party.Enterprise => caller.EnterpriseId == enterprise.Id
                && kind is DocumentKinds.SelfAssessmentReports or DocumentKinds.ApplicationMaterials or DocumentKinds.RemediationEvidence,
            Party.ReviewUnit => kind is DocumentKinds.ReviewReports or DocumentKinds.VisitReports && enterprise.IsReviewedBy(caller.BodyId),
            Party.Regulator => kind is DocumentKinds.RevocationEvidence && caller.CoversRegion(enterprise.RegionCode),
            _ => false,
        };
    }

    public static bool MayRead(Caller caller, EnterpriseRef enterprise)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(enterprise);
        return caller.MaySee(enterprise.Id, enterprise.RegionCode);
    }

    /// <summary>The kinds a caller may upload for an enterprise, to name them when it may not.</summary>
    public static IEnumerable<string> UploadableKinds(Caller caller, EnterpriseRef enterprise) =>
        DocumentKinds.All.Where(kind => MayUpload(caller, enterprise, kind));
}
