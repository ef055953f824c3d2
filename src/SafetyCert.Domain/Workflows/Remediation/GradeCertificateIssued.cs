namespace SafetyCert.Domain.Workflows.Remediation;

/// <summary>
/// The grade a remediation was ordered for now has its certificate (RULES.md §4.4): the order made by the review report
/// follows the certificate the review led to, so that a missed deadline cancels that certificate [001 art.14].
/// </summary>
public sealed record GradeCertificateIssued(string CertificateId) : WorkflowEvent;
