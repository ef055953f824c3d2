using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using SafetyCert.Domain.Enterprises;
using SafetyCert.Domain.Workflows;
using SafetyCert.Functions.Access;
using SafetyCert.Functions.Api.Register;
using SafetyCert.Functions.Workflows;

namespace SafetyCert.Benchmarks;

/// <summary>
/// A province's register of level-3 certificates with issue dates spread over the last three years and two months
/// (deterministic), imported through <see cref="RegisterImport"/> as the API runs it: rows per second for the dry run and
/// the real run, peak managed heap and working set, and then the due index checked against the reminders and expiries
/// those dates imply — computed here from RULES.md §5–6 and the Ningxia profile's numbers, not by the code under test.
/// </summary>
internal static class ImportBenchmark
{
    // The benchmark's business time: 10:00 in Beijing, after the day's 09:00 reminders.
    public static readonly Instant Now = Instant.FromUtc(2027, 1, 20, 2, 0);

    private static readonly DateTimeZone Beijing = DateTimeZoneProviders.Tzdb["Asia/Shanghai"];
    private static readonly LocalTime ReminderHour = new(9, 0);

    // Ningxia profile (ningxia-2017.json), RULES.md §4.10, §5, §6.
    private const int ValidityYears = 3;
    private const int WindowMonths = 3;
    private static readonly int[] ReminderDays = [60, 30, 7, 1];
    private const int FollowUpMonths = 12;
    private const int FollowUpWarningDays = 14;

    public static async Task RunAsync(BenchHost host, int rows)
    {
        var today = Now.InZone(Beijing).Date;
        Report.Text(string.Create(CultureInfo.InvariantCulture, $"import: {rows:N0} certificates, issue dates over the three years and two months before {today:yyyy-MM-dd}"));
        var ledger = Generate(rows, today);
        var bytes = Encoding.UTF8.GetBytes(ledger.Csv);
        var hash = ImportProgressBook.HashOf(bytes);
        var import = host.Services.GetRequiredService<RegisterImport>();
        var caller = new Caller("bench-admin", Party.Administrator);

        Memory.ResetPeak();
        using var heap = new HeapSampler();
        var watch = Stopwatch.StartNew();
        var requestsBefore = host.Tables.Requests;
        var dry = await import.RunAsync(RegisterFile.ReadCsv(new MemoryStream(bytes)), hash, caller, host.Workflows, dryRun: true, holdPastNotices: true, null, CancellationToken.None);
        var drySeconds = watch.Elapsed.TotalSeconds;
        if (dry.Problems.Count > 0)
        {
            throw new InvalidOperationException($"The generated register has {dry.Problems.Count} bad rows, first: row {dry.Problems[0].Row} {dry.Problems[0].Column}: {dry.Problems[0].Reason}");
        }

        Report.Line("dry run (read, check, plan)", rows / drySeconds, "rows/s");
        Report.Line("  app table requests per row, dry run", (double)(host.Tables.Requests - requestsBefore) / rows, "");
        requestsBefore = host.Tables.Requests;
        watch.Restart();
        var progress = new Progress(rows);
        var report = await import.RunAsync(RegisterFile.ReadCsv(new MemoryStream(bytes)), hash, caller, host.Workflows, dryRun: false, holdPastNotices: true, progress, CancellationToken.None);
        var realSeconds = watch.Elapsed.TotalSeconds;
        Report.Line("real run (each certificate's workflow started and recorded)", rows / realSeconds, "rows/s");
        Report.Text(string.Create(CultureInfo.InvariantCulture,
            $"  {report.CertificatesCreated:N0} certificates and {report.EnterprisesCreated:N0} enterprises created in {realSeconds:N0} s (dry run {drySeconds:N1} s)"));
        Report.Text(string.Create(CultureInfo.InvariantCulture,
            $"  peak managed heap {heap.PeakMiB:N0} MiB, peak working set {Memory.PeakMiB:N0} MiB; GC collections gen0/1/2 {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)}"));

        // The workflows write their due rows after recording the start: wait until the index holds all of them.
        var table = await host.Services.GetRequiredService<DueIndex>().TableAsync(CancellationToken.None);
        var expected = ledger.Expected;
        var expectedTotal = expected.Values.Sum();
        Dictionary<(string Kind, LocalDate On), int> actual = [];
        var settle = Stopwatch.StartNew();
        for (var last = -1; settle.Elapsed < TimeSpan.FromMinutes(20);)
        {
            actual = [];
            await foreach (var row in table.QueryAsync($"Kind eq '{WorkflowKinds.Certificate}'"))
            {
                var at = Instant.FromDateTimeOffset(row.GetDateTimeOffset("DueAt")!.Value).InZone(Beijing);
                var key = (KindOf(row.GetString("TimerId")!, at.TimeOfDay), at.Date);
                actual[key] = actual.GetValueOrDefault(key) + 1;
            }

            var total = actual.Values.Sum();
            if (total == expectedTotal || total == last)
            {
                break;
            }

            last = total;
            await Task.Delay(TimeSpan.FromSeconds(10));
        }

        // Counted once the workflows' effects are written too: what Azure would bill for the whole import.
        Report.Line("  app table requests per row, real run (import, then the workflows' activities)", (double)(host.Tables.Requests - requestsBefore) / rows, "");
        var kinds = expected.Keys.Select(k => k.Kind).Concat(actual.Keys.Select(k => k.Kind)).Distinct().Order(StringComparer.Ordinal);
        foreach (var kind in kinds)
        {
            Report.Text(string.Create(CultureInfo.InvariantCulture,
                $"  due index {kind,-28} expected {expected.Where(e => e.Key.Kind == kind).Sum(e => e.Value),8:N0}  found {actual.Where(e => e.Key.Kind == kind).Sum(e => e.Value),8:N0}"));
        }

        var differing = expected.Keys.Union(actual.Keys).Where(k => expected.GetValueOrDefault(k) != actual.GetValueOrDefault(k)).OrderBy(k => k.On).ToList();
        Report.Text(differing.Count == 0
            ? string.Create(CultureInfo.InvariantCulture, $"  due index matches the dates: {expectedTotal:N0} rows over {expected.Count:N0} (kind, day) pairs, every count equal")
            : $"  due index DIFFERS on {differing.Count} (kind, day) pairs, first: {string.Join("; ", differing.Take(5).Select(k => $"{k.Kind} {k.On:yyyy-MM-dd} expected {expected.GetValueOrDefault(k)} found {actual.GetValueOrDefault(k)}"))}");
    }

    // Expiry and an overdue visit fall at the start of their day, reminders at the reminder hour; a timer at another
    // hour counts under a kind of its own, so it cannot pass for the expected one.
    private static string KindOf(string timerId, LocalTime at) =>
        at == (timerId is "expiry" or "follow-up-overdue" ? LocalTime.Midnight : ReminderHour) ? timerId : $"{timerId} at {at:HH:mm}";

    private static Ledger Generate(int rows, LocalDate today)
    {
        var random = new Random(20261202);
        var csv = new StringBuilder("统一社会信用代码,企业名称,证书编号,等级,行业,行政区划代码,发证机关,发证日期,有效期至,状态\n");
        var sequence = new Dictionary<int, int>();
        var expected = new Dictionary<(string Kind, LocalDate On), int>();
        var nowLocal = Now.InZone(Beijing).LocalDateTime;
        var span = Period.Between(today.PlusYears(-ValidityYears).PlusMonths(-2), today, PeriodUnits.Days).Days;
        for (var i = 0; i < rows; i++)
        {
            var issued = today.PlusDays(-1 - random.Next(span));
            var lastValid = issued is { Month: 2, Day: 29 } ? new LocalDate(issued.Year + ValidityYears, 2, 28) : issued.PlusYears(ValidityYears).PlusDays(-1);
            var code = Code(i);
            var seq = sequence[issued.Year] = sequence.GetValueOrDefault(issued.Year) + 1;
            var status = lastValid < today ? "过期" : "有效";
            csv.Append(CultureInfo.InvariantCulture, $"{code},银川第{i + 1}建材有限公司,宁AQBⅢ{issued.Year}{seq:D6},三级,建材,640100,银川市应急管理局,{issued:yyyy-MM-dd},{lastValid:yyyy-MM-dd},{status}\n");

            // RULES.md §5–6 with notices already due held back: an expired certificate keeps no deadline; one in force
            // keeps each reminder still ahead, its expiry, and its follow-up visit while that is not yet past.
            if (lastValid < today)
            {
                continue;
            }

            void Expect(string kind, LocalDate on, LocalTime at)
            {
                if (on.At(at) > nowLocal)
                {
                    expected[(kind, on)] = expected.GetValueOrDefault((kind, on)) + 1;
                }
            }

            Expect("renewal-window", lastValid.PlusMonths(-WindowMonths), ReminderHour);
            foreach (var days in ReminderDays)
            {
                Expect($"renewal-reminder-{days}", lastValid.PlusDays(-days), ReminderHour);
            }

            Expect("expiry", lastValid.PlusDays(1), LocalTime.Midnight);
            var visitDue = issued.PlusMonths(FollowUpMonths);
            if (visitDue >= today)
            {
                Expect("follow-up-reminder", visitDue.PlusDays(-FollowUpWarningDays), ReminderHour);
                Expect("follow-up-overdue", visitDue.PlusDays(1), LocalTime.Midnight);
            }
        }

        return new Ledger(csv.ToString(), expected);
    }

    // 17 characters from the index, the 18th the GB 32100-2015 check character.
    private static string Code(int index)
    {
        var body = new char[9];
        for (var i = body.Length - 1; i >= 0; i--, index /= UnifiedSocialCreditCode.Alphabet.Length)
        {
            body[i] = UnifiedSocialCreditCode.Alphabet[index % UnifiedSocialCreditCode.Alphabet.Length];
        }

        var first17 = "91640100" + new string(body);
        return first17 + UnifiedSocialCreditCode.CheckCharacter(first17);
    }

    private sealed record Ledger(string Csv, Dictionary<(string Kind, LocalDate On), int> Expected);

    /// <summary>Prints the run's progress at each tenth, as the progress record shows it.</summary>
    private sealed class Progress(int rows) : IProgress<ImportProgress>
    {
        private readonly Stopwatch watch = Stopwatch.StartNew();
        private int next = Math.Max(1, rows / 10);

        public void Report(ImportProgress value)
        {
            if (value.RowsDone >= next)
            {
                next += Math.Max(1, rows / 10);
                Benchmarks.Report.Text(string.Create(CultureInfo.InvariantCulture, $"  {value.RowsDone:N0}/{value.RowsToApply:N0} rows after {watch.Elapsed.TotalSeconds:N0} s"));
            }
        }
    }

    /// <summary>Samples the managed heap every 50 ms: its peak during the import.</summary>
    private sealed class HeapSampler : IDisposable
    {
        private readonly Timer timer;
        private long peak;

        public HeapSampler() => timer = new Timer(_ => Interlocked.Exchange(ref peak, Math.Max(Interlocked.Read(ref peak), GC.GetTotalMemory(false))), null, 0, 50);

        public double PeakMiB => Interlocked.Read(ref peak) / 1024.0 / 1024.0;

        public void Dispose() => timer.Dispose();
    }
}
