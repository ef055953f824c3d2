namespace SafetyCert.Domain.Planning;

/// <summary>A scenario file that cannot be planned: the message names the field and, when known, the line.</summary>
public sealed class ScenarioException : Exception
{
    public ScenarioException(string message, string? path = null, long? line = null)
        : base(Describe(message, path, line))
    {
        Path = path;
        Line = line;
    }

    public ScenarioException()
    {
    }

    public ScenarioException(string message)
        : base(message)
    {
    }

    public ScenarioException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The JSON path of the offending field, e.g. <c>$.events[2].data.receivedOn</c>.</summary>
    public string? Path { get; }

    /// <summary>The 1-based line of the offending field.</summary>
    public long? Line { get; }

    private static string Describe(string message, string? path, long? line) =>
        (path, line) switch
        {
            (not null, not null) => $"line {line}, {path}: {message}",
            (not null, null) => $"{path}: {message}",
            (null, not null) => $"line {line}: {message}",
            _ => message,
        };
}
