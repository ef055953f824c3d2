using NodaTime;

namespace SafetyCert.Functions.Api.Enterprises;

/// <summary>An accident reported against an enterprise, kept for its later eligibility checks (RULES.md §3.4).</summary>
internal sealed record AccidentRecord(string AccidentId, LocalDate On, int Deaths, bool ConcealedOrLate, string? CertificateId);
