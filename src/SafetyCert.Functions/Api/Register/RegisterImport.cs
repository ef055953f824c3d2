using System.Collections.Concurrent;
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

    /// <summary>Rows looked up, or enterprises applied, at the same time.</summary>
    public int Parallelism { get; set; } = 16;

    /// <summary>How long the workflows started for a chunk may record nothing before the import gives up (Azurite stalls for up to a minute).</summary>
    public static readonly TimeSpan ConfirmPatience = TimeSpan.FromMinutes(5);

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
        var written = new ConcurrentDictionary<string, bool>(StringComparer.Ordinal);
        var confirming = Task.CompletedTask;
        var confirmedEnd = record.RowsDone;
        try
        {
            // Rows go in chunks of RowsPerChunk, enterprises several at a time within a chunk; the certificates' workflows
            // are started without waiting, and a chunk's starts are confirmed recorded while the next chunk is applied.
            // The record moves on only past a chunk whose starts are all recorded, so a crash redoes at most the two
            // chunks under way, and the keyed steps make that harmless. Rows of one enterprise stay in file order.
            for (var at = record.RowsDone; at < plans.Count;)
            {
                var end = Math.Min(plans.Count, at + RowsPerChunk);
                var started = new ConcurrentBag<RegisterRow>();
                var byEnterprise = plans.Skip(at).Take(end - at).GroupBy(p => p.Row.CreditCode, StringComparer.Ordinal);
                await Parallel.ForEachAsync(byEnterprise, new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = ct },
                    async (group, token) => await ApplyAsync([.. group], caller, workflows, holdPastNotices, today, written, started, token));
                await confirming;
                if (confirmedEnd > record.RowsDone)
                {
                    record = record with { RowsDone = confirmedEnd, UpdatedAt = clock.GetCurrentInstant() };
                    await progressBook.SaveAsync(record, ct);
                    progress?.Report(record);
                }

                confirming = ConfirmStartsAsync([.. started], workflows, ct);
                confirmedEnd = end;
                at = end;
                ct.ThrowIfCancellationRequested();
            }

            await confirming;
            record = record with { RowsDone = confirmedEnd, UpdatedAt = clock.GetCurrentInstant() };
            progress?.Report(record);
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
                $"证书 {row.Number} 已登记在企业 {existing.EnterpriseId} 名下（{RegisterColumns.GradeLabel(existing.Grade)}，发证日期 {existing.IssuedOn:yyyy-MM-dd}），与本行不符；导入不会变更已发证书的持证企业、等级和日期。",
                $"Certificate {row.Number} is already held for enterprise {existing.EnterpriseId}, {RegisterColumns.GradeLabel(existing.Grade)}, issued {existing.IssuedOn:yyyy-MM-dd}; the row disagrees, and an issued certificate's holder, grade and dates are not changed by an import."),
                null, false, false, false);
        }

        // A status the dates do not give is only ever read back: the import records none of them, it checks them.
        if (RegisterColumns.RecordedStatuses.Contains(row.Status) && existing is null)
        {
            return (new RowProblem(row.Row, RegisterColumns.Status,
                $"系统中没有证书 {row.Number}，不能以“{row.Status}”状态导入：请按{RegisterColumns.Valid}或{RegisterColumns.Expired}导入，再通过相应流程登记暂扣、撤销、换证或取消。",
                $"Certificate {row.Number} is not held, so it cannot be taken over as {row.Status}: import it as {RegisterColumns.Valid} or {RegisterColumns.Expired} and record its suspension, revocation, replacement or cancellation through that step."),
                null, false, false, false);
        }

        if (existing is not null && row.Status.Length > 0
            && RegisterColumns.StatusLabel((await workflows.GetStatusAsync(WorkflowKinds.Certificate, row.CertificateId, ct))?.Status) is { Length: > 0 } held
            && held != row.Status && (RegisterColumns.RecordedStatuses.Contains(held) || RegisterColumns.RecordedStatuses.Contains(row.Status)))
        {
            return (new RowProblem(row.Row, RegisterColumns.Status,
                $"本行状态为{row.Status}，但证书 {row.Number} 当前为{held}；导入不改变证书状态，请通过相应流程办理。",
                $"The row says {row.Status}, but certificate {row.Number} is {held}; an import does not change a certificate's status: record it through its own step."),
                null, false, false, false);
        }

        var certificateChanged = existing is not null && await book.IssuingBodyAsync(row.CertificateId, ct) != row.IssuingBody;
        return (null, enterprise, enterpriseChanged, existing is not null, certificateChanged);
    }

    /// <summary>
    /// Applies the rows of one enterprise within a chunk, in file order: its registration (name, region, industry, the
    /// grade of its current certificate) and the links to its certificates in one transaction of its partition, then
    /// each certificate's index rows and the start of its workflow, without waiting for it to be recorded. The plan's
    /// reads stand in for fresh ones; the registration is written under the ETag it was read with, and read again only
    /// when that lost a race or an earlier chunk of this run wrote it.
    /// </summary>
    private async Task ApplyAsync(
        IReadOnlyList<(RegisterRow Row, Enterprise? Enterprise, bool EnterpriseChanged, bool CertificateExists, bool CertificateChanged)> group,
        Caller caller, WorkflowClient workflows, bool holdPastNotices, LocalDate today, ConcurrentDictionary<string, bool> written,
        ConcurrentBag<RegisterRow> started, CancellationToken ct)
    {
        var first = group[0].Row;
        var known = written.ContainsKey(first.CreditCode) ? await enterprises.GetAsync(first.CreditCode, ct) : group[0].Enterprise;
        for (var attempt = 0; ; attempt++)
        {
            var enterprise = (known ?? new Enterprise(first.CreditCode, first.Name, first.RegionCode, first.Industry,
                LicenceRequired: false, LicenceValidUntil: null, ConsultingProvider: null, RegisteredOn: today))
                with { Name = first.Name, RegionCode = first.RegionCode, Industry = first.Industry };
            foreach (var (row, _, _, _, _) in group)
            {
                if (row.InForce && (enterprise.CurrentCertificateId is null || enterprise.CurrentCertificateId == row.CertificateId || enterprise.Grade is null))
                {
                    enterprise = enterprise with { Grade = row.Grade, CurrentCertificateId = row.CertificateId };
                }
            }

            try
            {
                await enterprises.SaveWithLinksAsync(enterprise, [.. group.Select(p => (WorkflowKinds.Certificate, p.Row.CertificateId))], ct);
                written[first.CreditCode] = true;
                known = enterprise;
                break;
            }
            catch (Storage.StorageConflictException) when (attempt < 5)
            {
                // Added or changed meanwhile (an earlier run, another request): read it again and reapply the rows.
                known = await enterprises.GetAsync(first.CreditCode, ct);
            }
        }

        foreach (var (row, _, _, certificateExists, certificateChanged) in group)
        {
            if (!certificateExists)
            {
                try
                {
                    await certificates.AddAsync(new CertificateRecord(row.CertificateId, row.Number, row.CreditCode, row.RegionCode, row.Industry, row.Grade, row.ProfileId, row.IssuedOn, StartEventId), ct);
                }
                catch (Storage.StorageConflictException)
                {
                    // Indexed by an earlier run that stopped before this run's plan read it.
                }
            }

            if (!certificateExists || certificateChanged)
            {
                await book.SaveAsync(row.CertificateId, row.IssuingBody, ct);
            }

            var issued = new CertificateIssued(row.CertificateId, row.Number, row.CreditCode, row.RegionCode, row.Grade, row.ProfileId, row.IssuedOn, row.LastValidDay,
                LicenceRequired: known?.LicenceRequired ?? false, Imported: true, HoldPastNotices: holdPastNotices, Industry: row.Industry);
            var result = await workflows.StartAsync(WorkflowKinds.Certificate, row.CertificateId, issued, StartEventId, caller.Subject, clock.GetCurrentInstant().ToDateTimeOffset(), wait: false, ct);
            if (result.Outcome == Outcome.Rejected)
            {
                throw new InvalidOperationException($"Row {row.Row}: certificate {row.Number} was refused by its workflow: {result.Reason}");
            }

            if (result is { Outcome: Outcome.Applied, Duplicate: false })
            {
                started.Add(row);
            }
        }
    }

    /// <summary>
    /// Waits until every workflow started for a chunk recorded its start event (the event travels in the instance's input,
    /// so it is not lost; this only keeps the progress record from running ahead of the workflows). Gives up when none
    /// of those still pending was recorded for <see cref="ConfirmPatience"/>.
    /// </summary>
    private async Task ConfirmStartsAsync(IReadOnlyList<RegisterRow> rows, WorkflowClient workflows, CancellationToken ct)
    {
        var pending = rows;
        var pause = TimeSpan.FromMilliseconds(100);
        var lastProgress = DateTimeOffset.UtcNow;
        while (pending.Count > 0)
        {
            var outcomes = new TransitionResult?[pending.Count];
            await Parallel.ForEachAsync(Enumerable.Range(0, pending.Count), new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = ct },
                async (i, token) => outcomes[i] = await workflows.OutcomeAsync(WorkflowKinds.Certificate, pending[i].CertificateId, StartEventId, token));
            if (outcomes.Select((o, i) => (o, i)).FirstOrDefault(x => x.o?.Outcome == Outcome.Rejected) is { o: { } refused } rejected)
            {
                throw new InvalidOperationException($"Row {pending[rejected.i].Row}: certificate {pending[rejected.i].Number} was refused by its workflow: {refused.Reason}");
            }

            var still = pending.Where((_, i) => outcomes[i] is null).ToList();
            if (still.Count < pending.Count)
            {
                lastProgress = DateTimeOffset.UtcNow;
                pause = TimeSpan.FromMilliseconds(100);
            }
            else if (DateTimeOffset.UtcNow - lastProgress > ConfirmPatience)
            {
                throw new TimeoutException($"{still.Count} imported certificate workflows (first: row {still[0].Row}) were started but none recorded its start within {ConfirmPatience.TotalMinutes} minutes; posting the file again resumes.");
            }

            pending = still;
            if (pending.Count > 0)
            {
                await Task.Delay(pause, ct);
                pause = TimeSpan.FromMilliseconds(Math.Min(pause.TotalMilliseconds * 2, 2_000));
            }
        }
    }
}
