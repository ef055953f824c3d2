using SafetyCert.Domain.Workflows;

namespace SafetyCert.Functions.Api.Certificates;

/// <summary>A certificate with its workflow status (<c>Issuing</c> until the certificate workflow has started) and running deadlines.</summary>
internal sealed record CertificateView(CertificateRecord Certificate, string Status, IReadOnlyList<Deadline> Deadlines);
