namespace SafetyCert.Engine.Workflows;

/// <summary>An instance kept changing under the engine; it gave up after its retries. The event can be raised again.</summary>
public sealed class WorkflowConflictException : InvalidOperationException
{
    public WorkflowConflictException()
    {
    }

    public WorkflowConflictException(string message)
        : base(message)
    {
    }

    public WorkflowConflictException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
