using SafetyCert.Domain.Grading;

namespace SafetyCert.Host.Development;

/// <summary>A demo enterprise: id, Chinese name, county-level region code, grade, jurisdiction profile and industry.</summary>
internal sealed record DemoEnterprise(string Id, string Name, string RegionCode, Grade Grade, string ProfileId, string Industry);
