namespace SafetyCert.Functions.Workflows;

/// <summary>
/// What carrying out a transition's effects left to do: events raised into other instances, to confirm, and deadlines of
/// this instance that were already due when set (a clock moved far ahead), which its next generation takes first.
/// </summary>
public sealed record CarryOutResult(Delivery[] Deliveries, EventEnvelope[] DueNow);
