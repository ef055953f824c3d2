using SafetyCert.Domain.Grading;

namespace SafetyCert.Host.Development;

/// <summary>
/// A demo enterprise: its id (a unified social credit code, as the registry requires), a short name for
/// instance ids and e-mail addresses, Chinese name, county-level region code, grade, profile and industry.
/// </summary>
internal sealed record DemoEnterprise(string Id, string Slug, string Name, string RegionCode, Grade Grade, string ProfileId, string Industry);
