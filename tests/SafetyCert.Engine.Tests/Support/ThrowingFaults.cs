using SafetyCert.Engine.Workflows;

namespace SafetyCert.Engine.Tests.Support;

/// <summary>Simulates a crash the <c>nth</c> time a point is reached, once.</summary>
internal sealed class ThrowingFaults(FaultPoint point, int nth) : IFaultInjector
{
    private int hits;

    public bool Fired { get; private set; }

    public void At(FaultPoint reached, string detail)
    {
        if (reached == point && Interlocked.Increment(ref hits) == nth)
        {
            Fired = true;
            throw new SimulatedCrashException($"Crash at {point} ({detail}).");
        }
    }
}
