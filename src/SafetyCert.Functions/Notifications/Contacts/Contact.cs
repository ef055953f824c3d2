using SafetyCert.Functions.Notifications.Channels;

namespace SafetyCert.Functions.Notifications.Contacts;

/// <summary>
/// One channel of a party, in the party's order of preference (lowest first; the next one is the fallback).
/// Which fields are used depends on <see cref="Channel"/>: <see cref="Addresses"/> for e-mail,
/// <see cref="Url"/> + <see cref="Secret"/> for a webhook, <see cref="Key"/> for a WeCom robot,
/// <see cref="Key"/> (access token) + <see cref="Secret"/> for a DingTalk robot.
/// </summary>
internal sealed record Contact(
    int Order,
    ChannelKind Channel,
    IReadOnlyList<string> Addresses,
    string? Url = null,
    string? Key = null,
    string? Secret = null)
{
    /// <summary>The row key in the contacts table, e.g. <c>01-email</c>; order first so rows read in preference order.</summary>
    public string Id => $"{Order:D2}-{Channel.ToString().ToLowerInvariant()}";

    public static Contact Email(int order, params string[] addresses) => new(order, ChannelKind.Email, addresses);

    public static Contact Webhook(int order, Uri url, string secret) => new(order, ChannelKind.Webhook, [], Url: url.ToString(), Secret: secret);

    public static Contact WeCom(int order, string robotKey) => new(order, ChannelKind.WeCom, [], Key: robotKey);

    public static Contact DingTalk(int order, string accessToken, string secret) => new(order, ChannelKind.DingTalk, [], Key: accessToken, Secret: secret);

    /// <summary>Throws naming the missing field when the contact cannot be used on its channel.</summary>
    public void Validate()
    {
        if (Order is < 0 or > 99)
        {
            throw new ArgumentException($"Contact order {Order} is outside 0..99.");
        }

        var missing = Channel switch
        {
            ChannelKind.Email when Addresses.Count == 0 || Addresses.Any(a => !a.Contains('@', StringComparison.Ordinal)) => "e-mail addresses",
            ChannelKind.Webhook when !Uri.TryCreate(Url, UriKind.Absolute, out _) => "webhook URL",
            ChannelKind.Webhook or ChannelKind.DingTalk when string.IsNullOrEmpty(Secret) => "signing secret",
            ChannelKind.WeCom or ChannelKind.DingTalk when string.IsNullOrEmpty(Key) => "robot key",
            _ => null,
        };
        if (missing is not null)
        {
            throw new ArgumentException($"A {Channel} contact needs a valid {missing}.");
        }
    }
}
