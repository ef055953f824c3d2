using System.Security.Cryptography;
using System.Text;

namespace SafetyCert.Functions.Api;

/// <summary>
/// Event ids from the <c>Idempotency-Key</c> header: a retried request with the same key carries the same event id,
/// which the workflow client recognizes and does not decide twice. Without the header each request is a new event.
/// </summary>
internal static class IdempotencyKey
{
    public const string Header = "Idempotency-Key";

    /// <summary>The event id for a request; <paramref name="purpose"/> keeps one key from colliding across different steps.</summary>
    public static string EventId(HttpContext context, string purpose)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Request.Headers[Header].ToString() is { Length: > 0 } key
            ? $"{purpose}-{Hash(key)}"
            : $"{purpose}-{Guid.NewGuid():N}";
    }

    /// <summary>A stable short id derived from the key (or a fresh one), for instances a request creates.</summary>
    public static string NewId(HttpContext context, string prefix, string owner)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Request.Headers[Header].ToString() is { Length: > 0 } key
            ? $"{prefix}-{Hash(owner + "\n" + key)}"
            : $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 17)];
    }

    /// <summary>An id derived from what a request is (its natural identity), for steps whose replay without a key must not count twice.</summary>
    public static string NaturalId(string purpose, params string[] parts) => $"{purpose}-{Hash(string.Join('\n', parts))}";

    private static string Hash(string text) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16];
}
