using NodaTime;

namespace SafetyCert.Engine.Workflows;

/// <summary>One instance in a list by kind and status.</summary>
public sealed record InstanceSummary(string Kind, string InstanceId, string Status, Instant UpdatedAt);
