using NodaTime;
using SafetyCert.Domain.Workflows;

namespace SafetyCert.Domain.Planning;

/// <summary>One dated event of a scenario, already read into its domain type.</summary>
/// <param name="At">When it happens, Beijing time.</param>
/// <param name="Workflow">The workflow kind of the instance it goes to.</param>
/// <param name="Instance">The instance id.</param>
/// <param name="Event">The domain event.</param>
/// <param name="Line">The line of the scenario file it came from.</param>
public sealed record ScenarioEvent(Instant At, string Workflow, string Instance, WorkflowEvent Event, long Line);
