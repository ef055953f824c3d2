using SafetyCert.Functions.Notifications.Channels;
using SafetyCert.Functions.Notifications.Contacts;

namespace SafetyCert.Functions.Api.Enterprises;

/// <summary>
/// A contact as the API shows it. Signing secrets, robot keys and access tokens are write-only: a response says
/// whether one is set, never what it is, since regulators and review organizations read the same contacts.
/// </summary>
internal sealed record ContactView(string Id, int Order, ChannelKind Channel, IReadOnlyList<string> Addresses, string? Url, bool HasKey, bool HasSecret)
{
    public static ContactView Of(Contact contact)
    {
        ArgumentNullException.ThrowIfNull(contact);
        return new(contact.Id, contact.Order, contact.Channel, contact.Addresses, contact.Url, !string.IsNullOrEmpty(contact.Key), !string.IsNullOrEmpty(contact.Secret));
    }
}
