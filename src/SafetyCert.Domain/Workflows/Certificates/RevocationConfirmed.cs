using System.Collections.Immutable;
using NodaTime;
using SafetyCert.Domain.Revocation;

namespace SafetyCert.Domain.Workflows.Certificates;

/// <summary>The revocation workflow recorded the revocation of this certificate; the certificate is void (RULES.md §7).</summary>
public sealed record RevocationConfirmed(
    ImmutableArray<RevocationGround> Grounds,
    LocalDate RevokedOn,
    LocalDate BanEndsOn) : WorkflowEvent;
