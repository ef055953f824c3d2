using Microsoft.Extensions.Options;
using SafetyCert.Functions.Access;

namespace SafetyCert.Host.Development;

/// <summary>
/// <c>GET /dev/parties</c>, mapped only in Development next to <c>/dev/clock</c>: the demo parties with a development
/// token each, minted as <c>safetycert token</c> and <c>dev</c>'s printout do, for the console's sign-in page.
/// </summary>
internal static class DevelopmentPartiesApi
{
    public const string Path = "/dev/parties";

    public static IEndpointRouteBuilder MapDevelopmentPartiesApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(Path, List).WithTags("Development");
        return endpoints;
    }

    public static IReadOnlyList<DemoParty> List(IOptions<JwtOptions> jwt)
    {
        var issuer = new TokenIssuer(jwt, TimeProvider.System);
        return [.. DemoParties.All.Select(p => new DemoParty(
            p.Caller.Role.ToString(),
            p.Label,
            p.Caller.EnterpriseId,
            p.Caller.BodyId,
            p.Caller.RegionCode,
            p.Caller.Level?.ToString(),
            issuer.Issue(p.Caller, DemoParties.TokenLifetime)))];
    }
}

/// <summary>One demo party as the development sign-in page lists it.</summary>
internal sealed record DemoParty(string Role, string Label, string? EnterpriseId, string? BodyId, string? RegionCode, string? Level, string Token);
