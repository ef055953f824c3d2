namespace SafetyCert.Functions.Api.Applications;

/// <summary>What a recorded step did: the instance, its status afterwards, and whether it was a repeat of an earlier request.</summary>
internal sealed record StepResult(string Kind, string InstanceId, string? Status, long Sequence, bool Duplicate);
