namespace SafetyCert.Functions.Notifications.Ledger;

/// <summary>Where a delivery stands; stored by name in the ledger.</summary>
internal enum DeliveryStatus
{
    /// <summary>Waiting for its next attempt at <see cref="Delivery.NextAttemptAt"/>.</summary>
    Pending,

    /// <summary>A sender claimed it at <see cref="Delivery.SendingSince"/>; a claim older than the lease means that sender died.</summary>
    Sending,

    Sent,

    /// <summary>Gave up: a permanent failure, or transient failures past the attempt limit, with no channel left.</summary>
    Failed,

    /// <summary>Failed on this channel; a delivery on the party's next channel took over.</summary>
    FellBack,

    /// <summary>A routine notice the party muted; never sent.</summary>
    Muted,

    /// <summary>An informational notice waiting for working hours, Beijing time.</summary>
    Held,

    /// <summary>
    /// The party had no contact when the notice was decided. Kept, not lost: once a contact for the party is saved,
    /// the catch-up sends the notice to it as a new delivery and this row becomes <see cref="Readdressed"/>.
    /// </summary>
    Undeliverable,

    /// <summary>Was <see cref="Undeliverable"/>; the delivery to the contact saved since took over (its <see cref="Delivery.FallbackOf"/> names this row).</summary>
    Readdressed,
}
