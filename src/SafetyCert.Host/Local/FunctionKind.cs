namespace SafetyCert.Host.Local;

/// <summary>What fires a function: the attribute on its trigger parameter.</summary>
public enum FunctionKind
{
    Http,
    Timer,
    Queue,
    Orchestration,
    Activity,
}
