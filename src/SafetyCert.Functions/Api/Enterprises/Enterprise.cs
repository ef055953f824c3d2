using Azure;
using NodaTime;
using SafetyCert.Domain.Grading;

namespace SafetyCert.Functions.Api.Enterprises;

/// <summary>A registered enterprise as the registry keeps it; its id is its unified social credit code.</summary>
internal sealed record Enterprise(
    string Id,
    string Name,
    string RegionCode,
    string Industry,
    bool LicenceRequired,
    LocalDate? LicenceValidUntil,
    string? ConsultingProvider,
    Grade? Grade = null,
    string? CurrentCertificateId = null,
    LocalDate? LastRevokedOn = null,
    LocalDate? RegisteredOn = null)
{
    /// <summary>The row's ETag when read; default for a new enterprise.</summary>
    public ETag ETag { get; init; }
}
