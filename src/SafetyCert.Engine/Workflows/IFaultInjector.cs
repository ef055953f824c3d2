namespace SafetyCert.Engine.Workflows;

/// <summary>A test seam: called at each <see cref="FaultPoint"/> and may throw to simulate a crash. Null in production.</summary>
internal interface IFaultInjector
{
    void At(FaultPoint point, string detail);
}
