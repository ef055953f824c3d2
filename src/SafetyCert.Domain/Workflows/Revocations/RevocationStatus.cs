namespace SafetyCert.Domain.Workflows.Revocations;

/// <summary>Where a revocation stands.</summary>
public enum RevocationStatus
{
    /// <summary>No revocation has been opened yet.</summary>
    NotOpened,

    /// <summary>Revoked; certificate or plaque is still out, and the organization is reminded.</summary>
    Recalling,

    /// <summary>Both items are back; the ban has not yet ended.</summary>
    BanRunning,

    /// <summary>Both items are back and the ban has ended. Final.</summary>
    Closed,
}
