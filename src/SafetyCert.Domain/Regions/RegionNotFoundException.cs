namespace SafetyCert.Domain.Regions;

/// <summary>A region code is malformed or not in the catalog.</summary>
public sealed class RegionNotFoundException : Exception
{
    public RegionNotFoundException(string message)
        : base(message)
    {
    }

    public RegionNotFoundException()
    {
    }

    public RegionNotFoundException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
