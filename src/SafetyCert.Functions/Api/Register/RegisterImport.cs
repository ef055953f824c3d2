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
internal sealed class RegisterImport(
    EnterpriseRegistry enterprises, CertificateIndex certificates, RegisterBook book, ImportProgressBook progressBook, ProfileCatalog profiles, IClock clock)
{
    private const string StartEventId = "import";

    // A crash loses at most this many rows of progress; the resumed run applies them again, harmlessly.
    private const int SaveEvery = 50;

    /// <summary>
    /// Checks the file and, in a real run without bad rows, applies it row by row, keeping a progress record under the
    /// file's import id. A file whose earlier run did not complete resumes after the rows its record counts as done and
    /// reports that run's plan. <paramref name="progress"/> hears of each row done.
    /// </summary>
    public async Task<ImportReport> RunAsync(
        RegisterFile file, string fileHash, Caller caller, WorkflowClient workflows, bool dryRun, bool holdPastNotices, IProgress<ImportProgress>? progress, CancellationToken ct)
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

            // A status the dates do not give is only ever read back: the import records none of them, it checks them.
            if (RegisterColumns.RecordedStatuses.Contains(row.Status) && existing is null)
            {
                problems.Add(new RowProblem(row.Row, RegisterColumns.Status,
                    $"Certificate {row.Number} is not held, so it cannot be taken over as {row.Status}: import it as {RegisterColumns.Valid} or {RegisterColumns.Expired} and record its suspension, revocation, replacement or cancellation through that step."));
                continue;
            }

            if (existing is not null && row.Status.Length > 0
                && RegisterColumns.StatusLabel((await workflows.GetStatusAsync(WorkflowKinds.Certificate, row.CertificateId, ct))?.Status) is { Length: > 0 } held
                && held != row.Status && (RegisterColumns.RecordedStatuses.Contains(held) || RegisterColumns.RecordedStatuses.Contains(row.Status)))
            {
                problems.Add(new RowProblem(row.Row, RegisterColumns.Status,
                    $"The row says {row.Status}, but certificate {row.Number} is {held}; an import does not change a certificate's status: record it through its own step."));
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

        var importId = ImportProgressBook.IdOf(fileHash);
        var report = new ImportReport(
            dryRun || problems.Count > 0, file.Rows.Count,
            created.Count, changed.Count,
            plans.Count(p => !p.CertificateExists), plans.Count(p => p.CertificateChanged),
            plans.Count(p => p.CertificateExists && !p.CertificateChanged && !p.EnterpriseChanged),
            [.. problems.OrderBy(p => p.Row).ThenBy(p => p.Column, StringComparer.Ordinal)])
        { ImportId = importId };
        if (report.DryRun)
        {
            return report;
        }

        var earlier = await progressBook.GetAsync(importId, ct);
        var resumed = earlier is { State: not ImportProgress.Completed } && earlier.FileHash == fileHash && earlier.RowsToApply == plans.Count;
        if (resumed)
        {
            // The rows done before count as unchanged now; the report is the plan of the run being finished.
            report = report with
            {
                EnterprisesCreated = earlier!.EnterprisesCreated, EnterprisesChanged = earlier.EnterprisesChanged,
                CertificatesCreated = earlier.CertificatesCreated, CertificatesChanged = earlier.CertificatesChanged, Unchanged = earlier.Unchanged,
            };
        }

        var record = new ImportProgress(
            importId, fileHash, ImportProgress.Running, file.Rows.Count, plans.Count, resumed ? earlier!.RowsDone : 0,
            report.EnterprisesCreated, report.EnterprisesChanged, report.CertificatesCreated, report.CertificatesChanged, report.Unchanged,
            resumed ? earlier!.StartedBy : caller.Subject, caller.RegionCode, resumed ? earlier!.StartedAt : now, now);
        await progressBook.SaveAsync(record, ct);
        try
        {
            for (var i = record.RowsDone; i < plans.Count; i++)
            {
                await ApplyAsync(plans[i].Row, caller, workflows, holdPastNotices, today, ct);
                record = record with { RowsDone = i + 1, UpdatedAt = clock.GetCurrentInstant() };
                if (record.RowsDone % SaveEvery == 0)
                {
                    await progressBook.SaveAsync(record, ct);
                }

                progress?.Report(record);
                ct.ThrowIfCancellationRequested();
            }
        }
        catch (OperationCanceledException)
        {
            // Cancelled (the caller went away, the host is stopping): the record says how far it came.
            await progressBook.SaveAsync(record with { State = ImportProgress.Interrupted }, CancellationToken.None);
            throw;
        }

        await progressBook.SaveAsync(record with { State = ImportProgress.Completed, UpdatedAt = clock.GetCurrentInstant() }, ct);
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
            LicenceRequired: enterprise?.LicenceRequired ?? false, Imported: true, HoldPastNotices: holdPastNotices, Industry: row.Industry);
        var result = await workflows.StartAsync(WorkflowKinds.Certificate, row.CertificateId, issued, StartEventId, caller.Subject, ct);
        if (result.Outcome == Outcome.Rejected)
        {
            throw new InvalidOperationException($"Row {row.Row}: certificate {row.Number} was refused by its workflow: {result.Reason}");
        }

        await enterprises.LinkAsync(row.CreditCode, WorkflowKinds.Certificate, row.CertificateId, ct);
        if (row.InForce)
        {
            await enterprises.ChangeAsync(row.CreditCode, e => e.CurrentCertificateId is null || e.CurrentCertificateId == row.CertificateId || e.Grade is null
                ? e with { Grade = row.Grade, CurrentCertificateId = row.CertificateId }
                : e, ct);
        }
    }
}
