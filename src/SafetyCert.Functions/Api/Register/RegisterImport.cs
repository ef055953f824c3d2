using NodaTime;
using SafetyCert.Domain.Profiles;
using SafetyCert.Domain.Time;
using SafetyCert.Domain.Workflows;
using SafetyCert.Domain.Workflows.Certificates;
using SafetyCert.Functions.Access;
using SafetyCert.Functions.Api.Certificates;
using SafetyCert.Functions.Api.Enterprises;
using SafetyCert.Functions.Workflows;

namespace SafetyCert.Functions.Api.Register;

/// <summary>
/// Takes a regulator's existing ledger into the system. Every step is keyed by what the row names (the credit code,
/// the certificate id derived from its number, the start event <c>import</c>), so a second run of the same file
/// changes nothing and a run cut short by a crash finishes where it stopped when it is run again.
/// </summary>
internal sealed class RegisterImport(EnterpriseRegistry enterprises, CertificateIndex certificates, RegisterBook book, ProfileCatalog profiles, IClock clock)
{
    private const string StartEventId = "import";

    public async Task<ImportReport> RunAsync(RegisterFile file, Caller caller, WorkflowClient workflows, bool dryRun, bool holdPastNotices, CancellationToken ct)
    {
        var now = clock.GetCurrentInstant();
        var today = ShanghaiTime.DateOf(now);
        var (rows, problems) = RegisterCheck.Check(file, caller, today, profiles);
        var plans = new List<(RegisterRow Row, Enterprise? Enterprise, bool EnterpriseChanged, bool CertificateExists, bool CertificateChanged)>();
        var created = new HashSet<string>(StringComparer.Ordinal);
        var changed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            var enterprise = await enterprises.GetAsync(row.CreditCode, ct);
            var enterpriseChanged = enterprise is not null && (enterprise.Name != row.Name || enterprise.RegionCode != row.RegionCode || enterprise.Industry != row.Industry);
            var existing = await certificates.FindByNumberAsync(row.Number, ct);
            if (existing is not null && (existing.CertificateId != row.CertificateId || existing.EnterpriseId != row.CreditCode
                || existing.Grade != row.Grade || existing.IssuedOn != row.IssuedOn || existing.RegionCode != row.RegionCode))
            {
                problems.Add(new RowProblem(row.Row, RegisterColumns.Number,
                    $"Certificate {row.Number} is already held for enterprise {existing.EnterpriseId}, {RegisterColumns.GradeLabel(existing.Grade)}, issued {existing.IssuedOn:yyyy-MM-dd}; the row disagrees, and an issued certificate's holder, grade and dates are not changed by an import."));
                continue;
            }

            var certificateChanged = existing is not null && await book.IssuingBodyAsync(row.CertificateId, ct) != row.IssuingBody;
            plans.Add((row, enterprise, enterpriseChanged, existing is not null, certificateChanged));
            if (enterprise is null)
            {
                created.Add(row.CreditCode);
            }
            else if (enterpriseChanged)
            {
                changed.Add(row.CreditCode);
            }
        }

        var report = new ImportReport(
            dryRun || problems.Count > 0, file.Rows.Count,
            created.Count, changed.Count,
            plans.Count(p => !p.CertificateExists), plans.Count(p => p.CertificateChanged),
            plans.Count(p => p.CertificateExists && !p.CertificateChanged && !p.EnterpriseChanged),
            [.. problems.OrderBy(p => p.Row).ThenBy(p => p.Column, StringComparer.Ordinal)]);
        if (report.DryRun)
        {
            return report;
        }

        foreach (var plan in plans)
        {
            await ApplyAsync(plan.Row, caller, workflows, holdPastNotices, today, ct);
        }

        return report;
    }

    private async Task ApplyAsync(RegisterRow row, Caller caller, WorkflowClient workflows, bool holdPastNotices, LocalDate today, CancellationToken ct)
    {
        var enterprise = await enterprises.GetAsync(row.CreditCode, ct);
        if (enterprise is null)
        {
            try
            {
                await enterprises.AddAsync(new Enterprise(row.CreditCode, row.Name, row.RegionCode, row.Industry, LicenceRequired: false, LicenceValidUntil: null, ConsultingProvider: null, RegisteredOn: today), ct);
            }
            catch (Storage.StorageConflictException)
            {
                // Added by an earlier row of this file or an earlier run; the change below brings it in line.
            }
        }

        await enterprises.ChangeAsync(row.CreditCode, e => e with { Name = row.Name, RegionCode = row.RegionCode, Industry = row.Industry }, ct);
        if (await certificates.GetAsync(row.CertificateId, ct) is null)
        {
            await certificates.AddAsync(new CertificateRecord(row.CertificateId, row.Number, row.CreditCode, row.RegionCode, row.Industry, row.Grade, row.ProfileId, row.IssuedOn, StartEventId), ct);
        }

        await book.SaveAsync(row.CertificateId, row.IssuingBody, ct);
        var issued = new CertificateIssued(row.CertificateId, row.Number, row.CreditCode, row.RegionCode, row.Grade, row.ProfileId, row.IssuedOn, row.LastValidDay,
            LicenceRequired: false, Imported: true, HoldPastNotices: holdPastNotices, Industry: row.Industry);
        var result = await workflows.StartAsync(WorkflowKinds.Certificate, row.CertificateId, issued, StartEventId, caller.Subject, ct);
        if (result.Outcome == Outcome.Rejected)
        {
            throw new InvalidOperationException($"Row {row.Row}: certificate {row.Number} was refused by its workflow: {result.Reason}");
        }

        await enterprises.LinkAsync(row.CreditCode, WorkflowKinds.Certificate, row.CertificateId, ct);
        if (!row.Expired)
        {
            await enterprises.ChangeAsync(row.CreditCode, e => e.CurrentCertificateId is null || e.CurrentCertificateId == row.CertificateId || e.Grade is null
                ? e with { Grade = row.Grade, CurrentCertificateId = row.CertificateId }
                : e, ct);
        }
    }
}
