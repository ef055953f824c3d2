using SafetyCert.Host.Notifications.Channels;

namespace SafetyCert.Host.Notifications.Ledger;

/// <summary>One try at sending, as recorded in the ledger.</summary>
internal sealed record DeliveryAttempt(DateTimeOffset At, SendResult Outcome, string? Error);
