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

    /// <summary>Rows applied between two progress records: a crash loses at most this many, and the resumed run applies them again, harmlessly.</summary>
    public int RowsPerChunk { get; set; } = 50;

    /// <summary>Rows looked up or applied at the same time.</summary>
    public int Parallelism { get; set; } = 16;

    /// <summary>
    /// Checks the file and, in a real run without bad rows, applies it row by row, keeping a progress record under the
    /// file's import id. A file whose earlier run did not complete resumes after the rows its record counts as done and
    /// reports that run's plan. <paramref name="progress"/> hears of each chunk of rows done.
    /// </summary>
    public async Task<ImportReport> RunAsync(
        RegisterFile file, string fileHash, Caller caller, WorkflowClient workflows, bool dryRun, bool holdPastNotices, IProgress<ImportProgress>? progress, CancellationToken ct)
    {
        var now = clock.GetCurrentInstant();
        var today = ShanghaiTime.DateOf(now);
        var (rows, problems) = RegisterCheck.Check(file, caller, today, profiles);
        // Each row is looked up on its own (its enterprise, the certificate its number names, that certificate's status),
        // several at a time; the verdicts are then taken in file order, so the report is the same as a row-by-row pass.
        var verdicts = new (RowProblem? Problem, Enterprise? Enterprise, bool EnterpriseChanged, bool CertificateExists, bool CertificateChanged)[rows.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, rows.Count), new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = ct },
            async (i, token) => verdicts[i] = await PlanAsync(rows[i], workflows, token));
        var plans = new List<(RegisterRow Row, Enterprise? Enterprise, bool EnterpriseChanged, bool CertificateExists, bool CertificateChanged)>();
        var created = new HashSet<string>(StringComparer.Ordinal);
        var changed = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < rows.Count; i++)
        {
            var (problem, enterprise, enterpriseChanged, certificateExists, certificateChanged) = verdicts[i];
            if (problem is not null)
            {
                problems.Add(problem);
                continue;
            }

            plans.Add((rows[i], enterprise, enterpriseChanged, certificateExists, certificateChanged));
            if (enterprise is null)
            {
                created.Add(rows[i].CreditCode);
            }
            else if (enterpriseChanged)
            {
                changed.Add(rows[i].CreditCode);
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
            // Rows go in chunks of RowsPerChunk, several at a time within a chunk; the record moves on only when a whole
            // chunk is done, so a crash redoes at most the chunk it was in, and the keyed steps make that harmless. Rows of
            // one enterprise stay in file order, one after another, as its current certificate depends on that order.
            while (record.RowsDone < plans.Count)
            {
                var end = Math.Min(plans.Count, record.RowsDone + RowsPerChunk);
                var byEnterprise = plans.Skip(record.RowsDone).Take(end - record.RowsDone).GroupBy(p => p.Row.CreditCode, StringComparer.Ordinal);
                await Parallel.ForEachAsync(byEnterprise, new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = ct }, async (group, token) =>
                {
                    foreach (var plan in group)
                    {
                        await ApplyAsync(plan.Row, caller, workflows, holdPastNotices, today, token);
                    }
                });
                record = record with { RowsDone = end, UpdatedAt = clock.GetCurrentInstant() };
                await progressBook.SaveAsync(record, ct);
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

    private async Task<(RowProblem? Problem, Enterprise? Enterprise, bool EnterpriseChanged, bool CertificateExists, bool CertificateChanged)> PlanAsync(
        RegisterRow row, WorkflowClient workflows, CancellationToken ct)
    {
        var enterprise = await enterprises.GetAsync(row.CreditCode, ct);
        var enterpriseChanged = enterprise is not null && (enterprise.Name != row.Name || enterprise.RegionCode != row.RegionCode || enterprise.Industry != row.Industry);
        var existing = await certificates.FindByNumberAsync(row.Number, ct);
        if (existing is not null && (existing.CertificateId != row.CertificateId || existing.EnterpriseId != row.CreditCode
            || existing.Grade != row.Grade || existing.IssuedOn != row.IssuedOn || existing.RegionCode != row.RegionCode))
        {
            return (new RowProblem(row.Row, RegisterColumns.Number,
                $"Certificate {row.Number} is already held for enterprise {existing.EnterpriseId}, {RegisterColumns.GradeLabel(existing.Grade)}, issued {existing.IssuedOn:yyyy-MM-dd}; the row disagrees, and an issued certificate's holder, grade and dates are not changed by an import."),
                null, false, false, false);
        }

        // A status the dates do not give is only ever read back: the import records none of them, it checks them.
        if (RegisterColumns.RecordedStatuses.Contains(row.Status) && existing is null)
        {
            return (new RowProblem(row.Row, RegisterColumns.Status,
                $"Certificate {row.Number} is not held, so it cannot be taken over as {row.Status}: import it as {RegisterColumns.Valid} or {RegisterColumns.Expired} and record its suspension, revocation, replacement or cancellation through that step."),
                null, false, false, false);
        }

        if (existing is not null && row.Status.Length > 0
            && RegisterColumns.StatusLabel((await workflows.GetStatusAsync(WorkflowKinds.Certificate, row.CertificateId, ct))?.Status) is { Length: > 0 } held
            && held != row.Status && (RegisterColumns.RecordedStatuses.Contains(held) || RegisterColumns.RecordedStatuses.Contains(row.Status)))
        {
            return (new RowProblem(row.Row, RegisterColumns.Status,
                $"The row says {row.Status}, but certificate {row.Number} is {held}; an import does not change a certificate's status: record it through its own step."),
                null, false, false, false);
        }

        var certificateChanged = existing is not null && await book.IssuingBodyAsync(row.CertificateId, ct) != row.IssuingBody;
        return (null, enterprise, enterpriseChanged, existing is not null, certificateChanged);
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
