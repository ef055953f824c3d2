namespace SafetyCert.Host.Local;

/// <summary>Where the value of one function parameter comes from at each invocation.</summary>
internal enum FunctionParameterKind
{
    HttpRequest,
    RouteValue,
    DurableClient,
    CancellationToken,
    TimerInfo,
    QueueMessage,
    DequeueCount,
    ActivityInput,
    OrchestrationContext,
    OrchestrationInput,
}
