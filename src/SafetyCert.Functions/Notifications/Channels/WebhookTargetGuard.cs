using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;

namespace SafetyCert.Functions.Notifications.Channels;

/// <summary>
/// Keeps webhooks from turning the host against its own network. A webhook URL must be <c>https</c>, carry no user
/// information, and name a host whose every address is public (no loopback, private, link-local, carrier-grade NAT,
/// multicast, documentation or reserved range, IPv4 inside IPv6 included). The URL is checked when a contact is
/// saved, and again when a message goes out, where <see cref="ConnectAsync"/> resolves the name, checks every address
/// and connects only to one it checked, so a name that changes its answer after the check (DNS rebinding) gains nothing.
/// Hosts on <see cref="NotificationOptions.WebhookAllowedHosts"/> (development receivers) skip the scheme and address checks.
/// </summary>
internal sealed class WebhookTargetGuard(IOptions<NotificationOptions> options)
{
    public const int MaxUrlLength = 2048;

    /// <summary>Why <paramref name="url"/> may not be called, or null when it may; resolves the host name.</summary>
    public async Task<string?> ProblemAsync(string? url, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(url) || url.Length > MaxUrlLength || !Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            return $"A webhook needs an absolute https URL of at most {MaxUrlLength} characters.";
        }

        var allowed = IsAllowListed(uri.IdnHost);
        if (uri.Scheme != Uri.UriSchemeHttps && !(allowed && uri.Scheme == Uri.UriSchemeHttp))
        {
            return $"A webhook URL must use https, not '{uri.Scheme}'.";
        }

        if (uri.UserInfo.Length > 0)
        {
            return "A webhook URL may not carry a user name or password.";
        }

        if (allowed)
        {
            return null;
        }

        IPAddress[] addresses;
        try
        {
            addresses = await ResolveAsync(uri.IdnHost, ct).ConfigureAwait(false);
        }
        catch (SocketException)
        {
            return $"The webhook host '{uri.Host}' does not resolve.";
        }

        return addresses.Length == 0
            ? $"The webhook host '{uri.Host}' does not resolve."
            : addresses.FirstOrDefault(a => !IsPublic(a)) is { } inner
                ? $"The webhook host '{uri.Host}' is not a public address ({inner})."
                : null;
    }

    /// <summary>
    /// The <see cref="SocketsHttpHandler.ConnectCallback"/> of the webhook client: connects only to an address it has
    /// just checked, and refuses the connection when any address of the name is not public.
    /// </summary>
    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        var host = context.DnsEndPoint.Host;
        var addresses = await ResolveAsync(host, ct).ConfigureAwait(false);
        if (!IsAllowListed(host) && (addresses.Length == 0 || addresses.Any(a => !IsPublic(a))))
        {
            throw new WebhookTargetRefusedException($"The webhook host '{host}' is not a public address.");
        }

        SocketException? last = null;
        foreach (var address in addresses)
        {
            var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(new IPEndPoint(address, context.DnsEndPoint.Port), ct).ConfigureAwait(false);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch (SocketException e)
            {
                socket.Dispose();
                last = e;
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }

        throw last ?? new SocketException((int)SocketError.HostNotFound);
    }

    /// <summary>True for an address on the public internet: every special-purpose range of RFC 6890 and its successors is refused.</summary>
    public static bool IsPublic(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.IsIPv4MappedToIPv6)
        {
            return IsPublic(address.MapToIPv4());
        }

        var b = address.GetAddressBytes();
        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            return !(b[0] is 0 or 10 or 127 or >= 224 // this network, private, loopback, multicast and reserved
                || (b[0] == 100 && b[1] is >= 64 and <= 127) // carrier-grade NAT
                || (b[0] == 169 && b[1] == 254) // link-local, cloud metadata
                || (b[0] == 172 && b[1] is >= 16 and <= 31)
                || (b[0] == 192 && b[1] == 168)
                || (b[0] == 192 && b[1] == 0 && b[2] is 0 or 2) // IETF protocol assignments, TEST-NET-1
                || (b[0] == 198 && b[1] is 18 or 19) // benchmarking
                || (b[0] == 198 && b[1] == 51 && b[2] == 100)
                || (b[0] == 203 && b[1] == 0 && b[2] == 113));
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return false;
        }

        if (IPAddress.IsLoopback(address) || address.Equals(IPAddress.IPv6Any) || address.IsIPv6LinkLocal || address.IsIPv6SiteLocal
            || address.IsIPv6Multicast || address.IsIPv6UniqueLocal || address.IsIPv6Teredo)
        {
            return false;
        }

        // IPv4-compatible (::/96), NAT64 (64:ff9b::/96) and 6to4 (2002::/16) carry an IPv4 address that decides.
        if (b.Take(12).All(x => x == 0))
        {
            return false;
        }

        if (b[0] == 0x00 && b[1] == 0x64 && b[2] == 0xff && b[3] == 0x9b && b.Skip(4).Take(8).All(x => x == 0))
        {
            return IsPublic(new IPAddress(b[12..]));
        }

        if (b[0] == 0x20 && b[1] == 0x02)
        {
            return IsPublic(new IPAddress(b[2..6]));
        }

        // Documentation (2001:db8::/32) and the rest of 2001::/23 (protocol assignments); public unicast is 2000::/3.
        return !(b[0] == 0x20 && b[1] == 0x01 && (b[2] == 0x0d && b[3] == 0xb8 || b[2] < 0x02)) && (b[0] & 0xe0) == 0x20;
    }

    private bool IsAllowListed(string host) =>
        options.Value.WebhookAllowedHosts.Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Any(h => string.Equals(h.Trim('[', ']'), host.Trim('[', ']'), StringComparison.OrdinalIgnoreCase));

    private static async Task<IPAddress[]> ResolveAsync(string host, CancellationToken ct) =>
        IPAddress.TryParse(host.Trim('[', ']'), out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, ct).ConfigureAwait(false);
}
