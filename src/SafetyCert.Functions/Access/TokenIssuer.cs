using System.IdentityModel.Tokens.Jwt;
using System.Text;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace SafetyCert.Functions.Access;

/// <summary>Mints development tokens signed with the local key; in Azure, Entra ID issues them instead.</summary>
public sealed class TokenIssuer(IOptions<JwtOptions> options, TimeProvider time)
{
    public static SymmetricSecurityKey KeyOf(JwtOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new SymmetricSecurityKey(Encoding.UTF8.GetBytes(options.SigningKey
            ?? throw new InvalidOperationException("Jwt:SigningKey is not set; tokens can only be minted with a development key.")));
    }

    /// <summary>A signed token for a caller, valid for <paramref name="lifetime"/>.</summary>
    public string Issue(Caller caller, TimeSpan lifetime)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (caller.ScopeProblem() is { } problem)
        {
            throw new ArgumentException($"Cannot mint a token: {problem}.", nameof(caller));
        }

        var jwt = options.Value;
        var now = time.GetUtcNow().UtcDateTime;
        var token = new JwtSecurityToken(
            issuer: jwt.Issuer,
            audience: jwt.Audience,
            claims: caller.Claims(),
            notBefore: now,
            expires: now + lifetime,
            signingCredentials: new SigningCredentials(KeyOf(jwt), SecurityAlgorithms.HmacSha256));
        return new JwtSecurityTokenHandler().WriteToken(token);
    }
}
