namespace SafetyCert.Functions.Workflows;

/// <summary>An event was raised on an instance that was never started.</summary>
public sealed class WorkflowNotFoundException : InvalidOperationException
{
    public WorkflowNotFoundException()
    {
    }

    public WorkflowNotFoundException(string message)
        : base(message)
    {
    }

    public WorkflowNotFoundException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
