namespace SafetyCert.Domain.Profiles;

/// <summary>A profile setting and where it comes from: a seed article, or <c>convention</c> with a short reason.</summary>
public sealed record Sourced<T>(T Value, string Source)
{
    public override string ToString() => $"{Value} [{Source}]";
}
