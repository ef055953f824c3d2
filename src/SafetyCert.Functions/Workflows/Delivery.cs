namespace SafetyCert.Functions.Workflows;

/// <summary>An event one instance raised into another, kept by the sender until the receiver has recorded it.</summary>
public sealed record Delivery(string Kind, string InstanceId, EventEnvelope Event);
