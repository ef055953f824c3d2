using System.Security.Cryptography;
using System.Text;

namespace SafetyCert.Functions.Api.Register;

/// <summary>Ids of certificates taken over from a register.</summary>
internal static class CertificateIds
{
    // The number is unique and never reused (RULES.md §5); hashing keeps the id ASCII for instance ids and table keys.
    public static string ForImported(string number) =>
        "reg-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(number)))[..24];
}
