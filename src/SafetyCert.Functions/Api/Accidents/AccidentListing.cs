using NodaTime;

namespace SafetyCert.Functions.Api.Accidents;

/// <summary>An accident on file, with the enterprise it happened at, as <c>GET /api/accidents</c> lists it.</summary>
internal sealed record AccidentListing(
    string AccidentId, LocalDate On, int Deaths, bool ConcealedOrLate, string? CertificateId, string EnterpriseId, string EnterpriseName, string RegionCode, string Industry);
