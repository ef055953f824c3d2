using System.IdentityModel.Tokens.Jwt;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace SafetyCert.Host.Access;

/// <summary>Bearer tokens for every caller; every endpoint then checks role and scope on the <see cref="Caller"/>.</summary>
public static class AccessExtensions
{
    /// <summary>The policy every API endpoint requires: a valid token whose claims make a complete caller.</summary>
    public const string CallerPolicy = "caller";

    public static IServiceCollection AddAccess(this IServiceCollection services)
    {
        services.AddOptions<JwtOptions>().BindConfiguration(JwtOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<TokenIssuer>();
        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<IOptions<JwtOptions>>((bearer, jwt) =>
            {
                var settings = jwt.Value;
                // Keep claim names as issued ("sub", "role"), not mapped to long URIs.
                bearer.MapInboundClaims = false;
                bearer.TokenValidationParameters = new TokenValidationParameters
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
                    bearer.Authority = settings.Authority;
                }
                else
                {
                    bearer.TokenValidationParameters.IssuerSigningKey = TokenIssuer.KeyOf(settings);
                    bearer.RequireHttpsMetadata = false;
                }
            });
        services.AddAuthorizationBuilder()
            .AddPolicy(CallerPolicy, policy => policy
                .AddAuthenticationSchemes(JwtBearerDefaults.AuthenticationScheme)
                .RequireAuthenticatedUser()
                .RequireAssertion(context => Caller.From(context.User) is not null));
        return services;
    }
}
