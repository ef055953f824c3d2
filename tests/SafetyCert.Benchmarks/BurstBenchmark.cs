using System.Diagnostics;
using System.Globalization;
using NodaTime;
using SafetyCert.Domain.Time;
using SafetyCert.Testing;

namespace SafetyCert.Benchmarks;

/// <summary>
/// A December-like burst on a host of its own: many certificates whose renewal reminder falls due in the same hour,
/// taken by one run of the host's own <c>TimerSweep</c> (it runs every minute of real time and reads business time
/// from the fake clock), each reminder mailed to its enterprise once. Times until MailDev holds them all; the host's
/// peak working set over the burst; MailDev's inbox checked for a missing or doubled reminder.
/// </summary>
internal static class BurstBenchmark
{
    private const string Prefix = "burst";

    /// <summary>
    /// Issued 2027-01-01, after its renewal window opened (2026-12-14): the first deadline ahead is the 60-day reminder,
    /// 2027-01-13 09:00 in Beijing, the same hour for every certificate; the next is a month later.
    /// </summary>
    private static readonly LocalDate ValidThrough = new(2027, 3, 14);

    public static async Task RunAsync(string connectionString, MailDev mail, AzuriteProbe probe, Summary summary, double scale)
    {
        var count = Math.Max(100, (int)(20_000 * scale));
        var ids = Enumerable.Range(0, count).Select(i => $"bu{i}").ToList();
        var reminderAt = ShanghaiTime.ReminderOn(ValidThrough.PlusDays(-60));
        Report.Text(string.Create(CultureInfo.InvariantCulture,
            $"4. December-like burst: {count:N0} renewal reminders due at {reminderAt} (09:00 Beijing), taken by the host's TimerSweep, mailed to MailDev"));

        await using var host = await BenchHost.StartAsync(connectionString, mail, Prefix, Certificates.IssuedAt);
        using var inbox = new Inbox(mail);
        await Certificates.AddContactsAsync(connectionString, Prefix, ids);
        var starts = await probe.TimeAsync("certificates registered (started, 7 deadlines indexed), 32 at a time", count, () =>
            Certificates.StartAsync(host, ids, ValidThrough, 32));
        Report.Round(starts, "starts/s");

        await mail.ClearAsync();
        var raisedBefore = host.Calls["RaiseEvent"];
        host.DueIndex.Reset();
        var resetPeak = Memory.ResetPeak();
        var baseline = Memory.CurrentMiB;

        // Business time moves just before a tick of the sweep's schedule, so the burst starts with the sweep.
        await Task.Delay(TimeSpan.FromMilliseconds(((59 - DateTime.UtcNow.Second + 60) % 60 * 1000) + 500 - DateTime.UtcNow.Millisecond));
        host.Clock.Reset(reminderAt + Duration.FromMinutes(1));
        var start = AzuriteProbe.Now;
        var watch = Stopwatch.StartNew();
        var limit = TimeSpan.FromSeconds(Math.Max(900, count * 1.5));
        double? firstMail = null;
        var received = 0;
        while (received < count && watch.Elapsed < limit)
        {
            await Task.Delay(500);
            received = await inbox.CountAsync();
            firstMail ??= received > 0 ? watch.Elapsed.TotalSeconds : null;
        }

        var round = probe.Measured($"{count:N0} reminders from the clock's move to the last in MailDev", received, start);
        var peak = Memory.PeakMiB;

        // The sweep deletes a due row once its instance recorded the firing; a late re-run must not mail again.
        while (host.Log.Sweeps.Sum() < count && watch.Elapsed < limit + TimeSpan.FromMinutes(2))
        {
            await Task.Delay(1000);
        }

        var recipients = await inbox.RecipientsAsync();
        var expected = ids.Select(Certificates.Address).ToHashSet(StringComparer.Ordinal);
        var burstMails = recipients.Where(expected.Contains).ToList();
        var distinct = burstMails.Distinct(StringComparer.Ordinal).Count();

        Report.Round(round, "reminders/s");
        Report.Line("first reminder in MailDev after the clock moved", firstMail ?? double.NaN, "s");
        summary.Add("burst", $"burst: {count:N0} reminders through TimerSweep to MailDev", round.Stalled ? round.RateOutsideStalls : round.Rate, round.Stalled ? "/s (outside stalls)" : "/s");
        summary.Add("burst-time", "  time until the last reminder was in MailDev", round.Seconds, $"s ({round.StalledSeconds:N0} s of it stalled)");
        summary.Add("burst-peak", "  host peak working set during the burst", peak, "MiB");
        summary.Add("burst-twice", "  reminders missing + doubled (expected 0)", count - distinct + (burstMails.Count - distinct), "");
        Report.Line($"reminders in MailDev (expected {count:N0})", burstMails.Count, "");
        Report.Line("certificates never reminded (expected 0)", count - distinct, "");
        Report.Line("certificates reminded twice or more (expected 0)", burstMails.Count - distinct, "");
        Report.Line("runs of TimerSweep that fired timers", host.Log.Sweeps.Count, string.Join(" + ", host.Log.Sweeps));
        Report.Line("RaiseEvent calls per reminder (1 = no re-raise)", (double)(host.Calls["RaiseEvent"] - raisedBefore) / count, "");
        Report.Line("rows read from the due index per reminder", (double)host.DueIndex.Rows / count, "");
        Report.Line($"host peak working set during the burst{(resetPeak ? "" : " (whole run: peak not resettable)")}", peak, "MiB");
        Report.Line("  working set before the burst", baseline, "MiB");
        Problems.Print(host.Log, "burst host");
    }
}
