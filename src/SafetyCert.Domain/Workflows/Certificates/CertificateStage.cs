namespace SafetyCert.Domain.Workflows.Certificates;

/// <summary>The stored life stage of a certificate; <see cref="CertificateStatus"/> adds suspension and renewal on top.</summary>
public enum CertificateStage
{
    NotIssued,
    InForce,
    Expired,
    Revoked,
    Superseded,
    Cancelled,
}
