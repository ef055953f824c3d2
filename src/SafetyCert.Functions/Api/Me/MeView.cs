using SafetyCert.Domain.Grading;
using SafetyCert.Domain.Workflows;

namespace SafetyCert.Functions.Api.Me;

/// <summary>The caller as its token names it, and the name of the party it acts for.</summary>
internal sealed record MeView(string Subject, Party Role, string? EnterpriseId, string? BodyId, string? RegionCode, RegulatorLevel? Level, string DisplayName);
