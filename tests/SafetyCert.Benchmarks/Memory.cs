using System.Diagnostics;
using System.Runtime;

namespace SafetyCert.Benchmarks;

/// <summary>The process's peak working set (Linux VmHWM), which can be reset to the current one before a phase.</summary>
internal static class Memory
{
    public static double PeakMiB
    {
        get
        {
            using var process = Process.GetCurrentProcess();
            return process.PeakWorkingSet64 / 1024.0 / 1024.0;
        }
    }

    public static double CurrentMiB
    {
        get
        {
            using var process = Process.GetCurrentProcess();
            return process.WorkingSet64 / 1024.0 / 1024.0;
        }
    }

    /// <summary>
    /// Collects garbage left by earlier phases, then resets the peak to the current working set (writing 5 to
    /// /proc/self/clear_refs, Linux 4.0+). Returns false where that is not possible: the peak then covers the whole run.
    /// </summary>
    public static bool ResetPeak()
    {
        GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
