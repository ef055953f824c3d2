using Microsoft.Extensions.DependencyInjection.Extensions;

namespace SafetyCert.Host.Functions;

public static class FunctionServiceCollectionExtensions
{
    /// <summary>Registers functions and the <see cref="FunctionCatalog"/> that lists them; may be called more than once.</summary>
    public static IServiceCollection AddFunctions(this IServiceCollection services, Action<FunctionsBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        configure(new FunctionsBuilder(services));
        services.TryAddSingleton<FunctionCatalog>();
        return services;
    }
}
