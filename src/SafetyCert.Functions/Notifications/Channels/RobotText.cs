namespace SafetyCert.Functions.Notifications.Channels;

/// <summary>The text a group robot posts: the subject as a heading, the body, and the delivery id for deduplication.</summary>
internal static class RobotText
{
    public static string Markdown(OutgoingMessage message) =>
        $"### {message.Subject}\n\n{message.Body}\n\n> 编号 Ref: {message.DeliveryId}";

    public static string Plain(OutgoingMessage message) =>
        $"{message.Subject}\n\n{message.Body}\n\n编号 Ref: {message.DeliveryId}";
}
