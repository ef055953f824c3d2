using NodaTime;
using SafetyCert.Domain.Grading;

namespace SafetyCert.Functions.Api.Certificates;

/// <summary>A certificate as the index finds it by id or number; its lifecycle lives in the certificate workflow.</summary>
internal sealed record CertificateRecord(
    string CertificateId, string Number, string EnterpriseId, string RegionCode, string Industry, Grade Grade, string ProfileId, LocalDate IssuedOn, string ApplicationId);
