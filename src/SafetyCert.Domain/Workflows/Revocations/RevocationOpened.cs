using System.Collections.Immutable;
using NodaTime;
using SafetyCert.Domain.Grading;
using SafetyCert.Domain.Revocation;

namespace SafetyCert.Domain.Workflows.Revocations;

/// <summary>
/// A certificate is revoked (RULES.md §7). Starts the revocation workflow, whose instance id is the
/// certificate id. <paramref name="Automatic"/> revocations come from the certificate workflow (a fatal
/// accident at the threshold, or a missed remediation deadline); every other is the regulator's decision
/// and carries its written <paramref name="Reason"/> and <paramref name="EvidenceDocumentIds"/>.
/// <paramref name="On"/> is the revocation date, from which the ban runs [001 art.21];
/// <paramref name="TriggerId"/> names the accident or remediation behind an automatic revocation.
/// <paramref name="RegionCode"/> and <paramref name="Grade"/> are the certificate's; they say which
/// regulator and review organization are told.
/// </summary>
public sealed record RevocationOpened(
    string CertificateId,
    string CertificateNumber,
    string EnterpriseId,
    string RegionCode,
    Grade Grade,
    string ProfileId,
    ImmutableArray<RevocationGround> Grounds,
    bool Automatic,
    string? Reason,
    ImmutableArray<string> EvidenceDocumentIds,
    LocalDate On,
    string? TriggerId = null,
    LocalDate? AccidentOn = null,
    int? Deaths = null) : WorkflowEvent;
