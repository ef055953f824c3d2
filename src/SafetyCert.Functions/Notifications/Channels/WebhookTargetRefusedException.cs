namespace SafetyCert.Functions.Notifications.Channels;

/// <summary>A webhook connection refused because its host resolved to an address that is not public.</summary>
internal sealed class WebhookTargetRefusedException : Exception
{
    public WebhookTargetRefusedException()
    {
    }

    public WebhookTargetRefusedException(string message)
        : base(message)
    {
    }

    public WebhookTargetRefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
