using NodaTime;

namespace SafetyCert.Functions.Notifications.Digest;

/// <summary>An open deadline a digest lists: what is due, for which enterprise, by when, under which rule.</summary>
internal sealed record DigestDeadline(
    string EnterpriseId,
    string? EnterpriseName,
    string Name,
    LocalDate Due,
    string Rule,
    string? CertificateNumber = null,
    IReadOnlyDictionary<string, string>? Facts = null)
{
    /// <summary>The scope facts of the workflow the deadline belongs to (region, grade, organization), which decide whose digest lists it.</summary>
    public IReadOnlyDictionary<string, string> Facts { get; init; } = Facts ?? new Dictionary<string, string>();
}
