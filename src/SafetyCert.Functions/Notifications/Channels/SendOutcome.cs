namespace SafetyCert.Functions.Notifications.Channels;

/// <summary>What one send attempt came to.</summary>
/// <param name="Result">Sent, or a transient or permanent failure.</param>
/// <param name="Error">Why it failed, as the receiver said it.</param>
/// <param name="RetryAfter">A wait the receiver asked for (rate limits), overriding the backoff.</param>
internal sealed record SendOutcome(SendResult Result, string? Error = null, TimeSpan? RetryAfter = null)
{
    public static SendOutcome Sent { get; } = new(SendResult.Sent);

    public static SendOutcome Transient(string error, TimeSpan? retryAfter = null) => new(SendResult.Transient, error, retryAfter);

    public static SendOutcome Permanent(string error) => new(SendResult.Permanent, error);
}
