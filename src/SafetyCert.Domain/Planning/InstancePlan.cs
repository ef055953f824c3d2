using System.Collections.Immutable;
using SafetyCert.Domain.Workflows;

namespace SafetyCert.Domain.Planning;

/// <summary>Where one workflow instance stands at the end of a plan.</summary>
public sealed record InstancePlan(string Workflow, string Instance, string Status, bool IsFinal, ImmutableArray<Deadline> Deadlines);
