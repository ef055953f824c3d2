namespace SafetyCert.Host.Triggers;

internal static partial class CustomHandlerLog
{
    [LoggerMessage(1, LogLevel.Error, "Invocation of {Function} failed")]
    public static partial void InvocationFailed(ILogger logger, string function, Exception exception);
}
