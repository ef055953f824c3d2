using System.ComponentModel.DataAnnotations;

namespace SafetyCert.Functions.Access;

/// <summary>
/// How bearer tokens are validated (section <c>Jwt</c>). In Azure, <see cref="Authority"/> and
/// <see cref="Audience"/> point at Entra ID; locally a development <see cref="SigningKey"/> signs and
/// checks tokens that <c>safetycert token</c> mints.
/// </summary>
public sealed class JwtOptions : IValidatableObject
{
    public const string Section = "Jwt";

    /// <summary>Entra ID authority, e.g. <c>https://login.microsoftonline.com/{tenant}/v2.0</c>.</summary>
    public string? Authority { get; set; }

    [Required]
    public string Audience { get; set; } = "safetycert";

    public string Issuer { get; set; } = "safetycert-dev";

    /// <summary>The development HMAC key, at least 32 characters. Never set in Azure.</summary>
    public string? SigningKey { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (string.IsNullOrEmpty(Authority) && (SigningKey is null || SigningKey.Length < 32))
        {
            yield return new ValidationResult(
                "Set Jwt:Authority (Entra ID) or a development Jwt:SigningKey of at least 32 characters.",
                [nameof(Authority), nameof(SigningKey)]);
        }
    }
}
