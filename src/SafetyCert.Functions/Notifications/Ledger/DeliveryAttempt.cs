using SafetyCert.Functions.Notifications.Channels;

namespace SafetyCert.Functions.Notifications.Ledger;

/// <summary>One try at sending, as recorded in the ledger.</summary>
internal sealed record DeliveryAttempt(DateTimeOffset At, SendResult Outcome, string? Error);
