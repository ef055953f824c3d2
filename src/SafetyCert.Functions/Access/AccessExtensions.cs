namespace SafetyCert.Functions.Access;

/// <summary>Bearer tokens for every caller; every function then checks role and scope on the <see cref="Caller"/>.</summary>
public static class AccessExtensions
{
    /// <summary>
    /// Binds <see cref="JwtOptions"/> (validated on start) and registers the <see cref="CallerAuthenticator"/> every HTTP
    /// function asks first, and the <see cref="TokenIssuer"/> of development tokens.
    /// </summary>
    public static IServiceCollection AddAccess(this IServiceCollection services)
    {
        services.AddOptions<JwtOptions>().BindConfiguration(JwtOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<TokenIssuer>();
        services.AddSingleton<CallerAuthenticator>();
        return services;
    }
}
