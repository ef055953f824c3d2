using System.Diagnostics;

namespace SafetyCert.Benchmarks;

/// <summary>Waits on the host's count of e-mails SMTP accepted.</summary>
internal static class Mail
{
    /// <summary>Seconds until <paramref name="expected"/> e-mails were sent in all, or the timeout (then it says so).</summary>
    public static async Task<double> WaitForSentAsync(HostLog log, long expected, TimeSpan timeout)
    {
        var watch = Stopwatch.StartNew();
        while (log.MailsSent < expected)
        {
            if (watch.Elapsed > timeout)
            {
                Report.Text($"    ! only {log.MailsSent:N0} of {expected:N0} e-mails sent after {timeout.TotalSeconds:N0} s");
                break;
            }

            await Task.Delay(50);
        }

        return watch.Elapsed.TotalSeconds;
    }
}
