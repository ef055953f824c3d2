namespace SafetyCert.Domain.Profiles;

/// <summary>No profile fits the region, industry or date asked for.</summary>
public sealed class ProfileNotFoundException : Exception
{
    public ProfileNotFoundException(string message)
        : base(message)
    {
    }

    public ProfileNotFoundException()
    {
    }

    public ProfileNotFoundException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
