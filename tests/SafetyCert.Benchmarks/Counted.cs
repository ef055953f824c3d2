using SafetyCert.Domain.Workflows;

namespace SafetyCert.Benchmarks;

/// <summary>The one event of <see cref="BenchWorkflow"/>.</summary>
internal sealed record Counted(int Number) : WorkflowEvent;
