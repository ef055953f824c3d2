using NodaTime;

namespace SafetyCert.Functions.Api.Verification;

/// <summary>What anyone may learn of a certificate by its number, and nothing else: no ids, codes, contacts or history.</summary>
internal sealed record VerificationView(string Number, string EnterpriseName, string Grade, string IssuingBody, LocalDate IssuedOn, LocalDate ValidThrough, string Status);
