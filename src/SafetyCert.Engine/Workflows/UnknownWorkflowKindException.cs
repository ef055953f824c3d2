namespace SafetyCert.Engine.Workflows;

/// <summary>No workflow of the requested kind is registered.</summary>
public sealed class UnknownWorkflowKindException : ArgumentException
{
    public UnknownWorkflowKindException()
    {
    }

    public UnknownWorkflowKindException(string message)
        : base(message)
    {
    }

    public UnknownWorkflowKindException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public UnknownWorkflowKindException(string kind, IEnumerable<string> known)
        : base($"No workflow of kind '{kind}' is registered; known kinds: {string.Join(", ", known.Order(StringComparer.Ordinal))}.")
    {
    }
}
