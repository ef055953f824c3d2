namespace SafetyCert.Host.Tests.Notifications;

internal sealed record ReceivedRequest(
    string Path,
    IReadOnlyDictionary<string, string> Query,
    IReadOnlyDictionary<string, string> Headers,
    string Body);
