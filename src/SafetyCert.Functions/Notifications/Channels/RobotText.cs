using System.Text;

namespace SafetyCert.Functions.Notifications.Channels;

/// <summary>
/// The text a group robot posts: the subject as a heading, the body, and the notice's number, the delivery id the
/// ledger keeps, labelled in both languages so a reader can quote it. The rendered notice is plain text, so in a
/// markdown message every character markdown would read as markup is escaped: an enterprise called
/// <c>*星*_光_[1]#</c> shows as written and cannot turn the rest of the message bold, into a link or a heading.
/// </summary>
internal static class RobotText
{
    // The characters that open or close markup in the robots' markdown (emphasis, code, links, headings, quotes, tables,
    // HTML, strike-through), escaped the CommonMark way. A link needs its '[' and an image its '![', so '(' and '!' are safe.
    private const string MarkdownCharacters = "\\`*_[]#<>|~";

    public static string Markdown(OutgoingMessage message) =>
        $"### {Escape(message.Subject)}\n\n{Escape(message.Body)}\n\n> 通知编号：{Escape(message.DeliveryId)}\n>\n> Notice no.: {Escape(message.DeliveryId)}";

    public static string Plain(OutgoingMessage message) =>
        $"{message.Subject}\n\n{message.Body}\n\n通知编号：{message.DeliveryId}\nNotice no.: {message.DeliveryId}";

    /// <summary>Plain text as markdown that shows it unchanged.</summary>
    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var escaped = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            if (MarkdownCharacters.Contains(c, StringComparison.Ordinal))
            {
                escaped.Append('\\');
            }

            escaped.Append(c);
        }

        return escaped.ToString();
    }
}
