using NodaTime;
using SafetyCert.Domain.Eligibility;
using SafetyCert.Domain.Grading;

namespace SafetyCert.Domain.Workflows.Applications;

/// <summary>
/// An enterprise applied for a grade; the review organization received it on <paramref name="ReceivedOn"/>.
/// Starts an application instance (RULES.md §3–§4).
/// </summary>
/// <param name="ApplicationId">The instance id.</param>
/// <param name="EnterpriseId">The applicant.</param>
/// <param name="RegionCode">The enterprise's GB/T 2260 region code.</param>
/// <param name="Industry">The industry the profile covers, e.g. <c>non-coal-mine</c>.</param>
/// <param name="Grade">The grade applied for.</param>
/// <param name="Kind">Initial, renewal or upgrade.</param>
/// <param name="ProfileId">The jurisdiction profile that sets every number; it must be in force on the receipt date.</param>
/// <param name="ReceivedOn">The date the organization received the application.</param>
/// <param name="LicenceRequired">Whether the industry needs a work-safety licence (RULES.md §5, licence lapse).</param>
/// <param name="PreviousCertificateId">The certificate a renewal or upgrade replaces.</param>
/// <param name="PartialReReviewOf">
/// The earlier failed application when the enterprise reapplies inside its partial re-review window, so the
/// new on-site review covers only the fixed items (RULES.md §4.9 [001 art.15]). The caller checks the window
/// against that instance's <c>partial-re-review</c> deadline.
/// </param>
/// <param name="FastTrackEligible">
/// A renewal that met every fast-track condition where the profile provides the fast track (RULES.md §6 [001 art.17]), as
/// <c>FastTrackRenewal.Assess</c> found on the receipt date: the organization may confirm it without an on-site review.
/// </param>
/// <param name="FastTrackFailures">The fast-track conditions a renewal failed; it goes the normal way to a review unit.</param>
public sealed record ApplicationSubmitted(
    string ApplicationId,
    string EnterpriseId,
    string RegionCode,
    string Industry,
    Grade Grade,
    ApplicationKind Kind,
    string ProfileId,
    LocalDate ReceivedOn,
    bool LicenceRequired = false,
    string? PreviousCertificateId = null,
    string? PartialReReviewOf = null,
    bool FastTrackEligible = false,
    IReadOnlyList<ConditionResult>? FastTrackFailures = null) : WorkflowEvent;
