using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;
using SafetyCert.Functions.Api;

namespace SafetyCert.Functions.Access;

/// <summary>
/// Finds the <see cref="Caller"/> of an HTTP function from its bearer token. The Functions host runs no ASP.NET Core
/// authentication middleware, so every function asks this first. Tokens are checked as JWT bearer authentication checks
/// them (same validation parameters, same handler), and the refusals are the ProblemDetails the API has always answered:
/// 401 for a missing or invalid token, 403 for a valid token whose claims do not make a complete caller.
/// </summary>
internal sealed partial class CallerAuthenticator
{
    private const string Scheme = "Bearer ";

    // Claim names stay as issued ("sub", "role"), not mapped to long URIs.
    private readonly JsonWebTokenHandler tokens = new() { MapInboundClaims = false };
    private readonly TokenValidationParameters parameters;
    private readonly ConfigurationManager<OpenIdConnectConfiguration>? metadata;
    private readonly ILogger<CallerAuthenticator> logger;

    public CallerAuthenticator(IOptions<JwtOptions> options, ILogger<CallerAuthenticator> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.logger = logger;
        var settings = options.Value;
        parameters = new TokenValidationParameters
        {
            ValidAudience = settings.Audience,
            ValidateIssuer = true,
            ValidIssuer = string.IsNullOrEmpty(settings.Authority) ? settings.Issuer : null,
            RoleClaimType = Caller.RoleClaim,
            NameClaimType = JwtRegisteredClaimNames.Sub,
            ClockSkew = TimeSpan.FromMinutes(1),
        };
        if (!string.IsNullOrEmpty(settings.Authority))
        {
            // Entra ID: issuer and signing keys from the authority's OIDC metadata, refreshed as JwtBearer refreshes them.
            metadata = new ConfigurationManager<OpenIdConnectConfiguration>(
                MetadataAddress(settings.Authority), new OpenIdConnectConfigurationRetriever(), new HttpDocumentRetriever { RequireHttps = true });
            parameters.ConfigurationManager = metadata;
        }
        else
        {
            parameters.IssuerSigningKey = TokenIssuer.KeyOf(settings);
        }
    }

    /// <summary>The caller, or the 401/403 to answer instead.</summary>
    public async Task<(Caller? Caller, ProblemHttpResult? Problem)> AuthenticateAsync(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var authorization = request.Headers.Authorization.ToString();
        var token = authorization.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase) ? authorization[Scheme.Length..].Trim() : "";
        if (token.Length == 0)
        {
            return (null, Unauthorized("No bearer token was sent."));
        }

        var result = await tokens.ValidateTokenAsync(token, parameters).ConfigureAwait(false);
        if (!result.IsValid)
        {
            if (result.Exception is SecurityTokenSignatureKeyNotFoundException)
            {
                // The authority may have rolled its keys.
                metadata?.RequestRefresh();
            }

            TokenRejected(logger, result.Exception);
            return (null, Unauthorized(Reason(result.Exception)));
        }

        return Caller.From(new ClaimsPrincipal(result.ClaimsIdentity)) is { } caller
            ? (caller, null)
            : (null, ApiProblems.Forbidden("The token's claims do not make a complete caller."));
    }

    /// <summary>
    /// Why a token was refused, in the API's own words: the validation library's messages name key ids, claim values and
    /// types, which a caller is not told (the log keeps them).
    /// </summary>
    private static string Reason(Exception? exception) => exception switch
    {
        SecurityTokenExpiredException => "The bearer token has expired.",
        SecurityTokenNotYetValidException => "The bearer token is not valid yet.",
        SecurityTokenSignatureKeyNotFoundException or SecurityTokenInvalidSignatureException => "The bearer token's signature is not valid.",
        SecurityTokenInvalidAudienceException => "The bearer token is not meant for this API.",
        SecurityTokenInvalidIssuerException => "The bearer token comes from an issuer this API does not trust.",
        SecurityTokenMalformedException or ArgumentException => "The bearer token is not a well-formed JWT.",
        _ => "The bearer token is not valid.",
    };

    private static ProblemHttpResult Unauthorized(string detail) =>
        ApiProblems.Problem(StatusCodes.Status401Unauthorized, "unauthorized", "A valid bearer token is required", detail);

    /// <summary>Where JwtBearer looks for an authority's metadata.</summary>
    private static string MetadataAddress(string authority) =>
        (authority.EndsWith('/') ? authority : authority + "/") + ".well-known/openid-configuration";

    [LoggerMessage(1, LogLevel.Information, "A bearer token was refused.")]
    private static partial void TokenRejected(ILogger logger, Exception? exception);
}
