using NodaTime;
using SafetyCert.Domain.Grading;

namespace SafetyCert.Domain.Workflows.Certificates;

/// <summary>
/// A certificate was issued after the regulator's announcement (RULES.md §4.8). Starts the certificate
/// workflow; when <paramref name="Supersedes"/> names an earlier certificate, that one is superseded (§5).
/// <paramref name="ReviewUnitId"/> is the unit that reviewed the enterprise and owes the follow-up visit
/// (§4.10); null for a certificate recorded without its review, whose visit notices go to the organization.
/// <paramref name="Imported"/> marks a certificate taken over from an existing register: it starts where its dates
/// put it on the day it is recorded (see <see cref="CertificateWorkflow"/>); <paramref name="HoldPastNotices"/> then
/// keeps the notices already due (window opening, expiry) from being sent, so a migration does not flood inboxes.
/// <paramref name="Industry"/> is the enterprise's, so the certificate's notices reach the regulator tier
/// <see cref="Jurisdiction.TierOf"/> names (offshore oil and gas: national at every grade).
/// </summary>
public sealed record CertificateIssued(
    string CertificateId,
    string Number,
    string EnterpriseId,
    string RegionCode,
    Grade Grade,
    string ProfileId,
    LocalDate IssuedOn,
    LocalDate ValidThrough,
    bool LicenceRequired,
    string? Supersedes = null,
    string? ApplicationId = null,
    string? ReviewUnitId = null,
    bool Imported = false,
    bool HoldPastNotices = false,
    string? Industry = null) : WorkflowEvent;
