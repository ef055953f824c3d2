using NodaTime;
using SafetyCert.Domain.Grading;
using SafetyCert.Domain.Workflows;

namespace SafetyCert.Functions.Api.Certificates;

/// <summary>
/// A certificate with its workflow status (<c>Issuing</c> until the certificate workflow has started) and running deadlines:
/// the fields of <see cref="CertificateSummary"/>, then the index record and the deadlines.
/// </summary>
internal sealed record CertificateView(
    string Id,
    string Number,
    Grade Grade,
    string IssuingBody,
    LocalDate IssuedOn,
    LocalDate LastValidDay,
    string Status,
    int? DaysLeft,
    CertificateRecord Certificate,
    IReadOnlyList<Deadline> Deadlines)
{
    public static CertificateView Of(CertificateSummary summary, CertificateRecord record, IReadOnlyList<Deadline> deadlines)
    {
        ArgumentNullException.ThrowIfNull(summary);
        return new(summary.Id, summary.Number, summary.Grade, summary.IssuingBody, summary.IssuedOn, summary.LastValidDay, summary.Status, summary.DaysLeft, record, deadlines);
    }
}
