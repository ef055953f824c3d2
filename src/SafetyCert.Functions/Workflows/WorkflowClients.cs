using Microsoft.DurableTask.Client;

namespace SafetyCert.Functions.Workflows;

/// <summary>
/// Makes a <see cref="WorkflowClient"/> over the Durable client a function was handed (<c>[DurableClient]</c>): in Azure the
/// Functions host supplies that client per invocation, so it cannot come from the container.
/// </summary>
public sealed class WorkflowClients
{
    private readonly WorkflowStore store;
    private readonly WorkflowSet workflows;
    private readonly NodaTime.IClock clock;

    public WorkflowClients(WorkflowStore store, WorkflowSet workflows, NodaTime.IClock clock)
    {
        this.store = store;
        this.workflows = workflows;
        this.clock = clock;
    }

    public WorkflowClient For(DurableTaskClient durable)
    {
        ArgumentNullException.ThrowIfNull(durable);
        return new WorkflowClient(durable, store, workflows, clock);
    }
}
