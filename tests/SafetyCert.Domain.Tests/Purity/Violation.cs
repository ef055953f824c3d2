namespace SafetyCert.Domain.Tests.Purity;

/// <summary>A method (or type) of the scanned assembly and the forbidden member it uses.</summary>
internal sealed record Violation(string Method, string Use)
{
    public override string ToString() => $"{Method} uses {Use}";
}
