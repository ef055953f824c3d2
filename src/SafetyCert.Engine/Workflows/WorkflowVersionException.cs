namespace SafetyCert.Engine.Workflows;

/// <summary>A stored state has a schema version this code cannot read (newer, or older without an upgrade).</summary>
public sealed class WorkflowVersionException : InvalidOperationException
{
    public WorkflowVersionException()
    {
    }

    public WorkflowVersionException(string message)
        : base(message)
    {
    }

    public WorkflowVersionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
