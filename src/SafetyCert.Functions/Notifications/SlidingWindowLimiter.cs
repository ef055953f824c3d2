namespace SafetyCert.Functions.Notifications;

/// <summary>
/// At most N sends per key in any window of one minute, on real time (<see cref="RealTime"/>): the vendors count real minutes. A caller over
/// the limit learns when the oldest send leaves the window and defers until then; nothing is dropped.
/// The window lives in this process: one sender host per robot keeps the vendor's limit exact.
/// </summary>
internal sealed class SlidingWindowLimiter(RealTime time)
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);
    private readonly Dictionary<string, Queue<DateTimeOffset>> sends = new(StringComparer.Ordinal);
    private readonly Lock gate = new();

    /// <summary>Takes a slot and returns null, or returns how long to wait for one.</summary>
    public TimeSpan? TryAcquire(string key, int perMinute)
    {
        var now = time.UtcNow;
        lock (gate)
        {
            if (!sends.TryGetValue(key, out var window))
            {
                window = new Queue<DateTimeOffset>();
                sends[key] = window;
            }

            while (window.Count > 0 && window.Peek() <= now - Window)
            {
                window.Dequeue();
            }

            if (window.Count >= perMinute)
            {
                return window.Peek() + Window - now;
            }

            window.Enqueue(now);
            return null;
        }
    }
}
