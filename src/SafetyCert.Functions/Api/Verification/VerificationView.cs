using NodaTime;

namespace SafetyCert.Functions.Api.Verification;

/// <summary>
/// What anyone may learn of a certificate by its number, and nothing else: no ids, codes, contacts or history.
/// <see cref="Status"/> is the code a program reads (<c>Active</c>); <see cref="StatusLabel"/> is what a person reads (有效).
/// </summary>
internal sealed record VerificationView(string Number, string EnterpriseName, string Grade, string IssuingBody, LocalDate IssuedOn, LocalDate ValidThrough, string Status, string StatusLabel);
