using Microsoft.Extensions.DependencyInjection.Extensions;

namespace SafetyCert.Functions.Documents;

public static class DocumentServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="DocumentOptions"/> from the section <c>Documents</c> (validated on start) and the
    /// <see cref="DocumentStore"/>. Needs the storage module (<c>AddSafetyCertStorage</c>) and, for the API, an
    /// <see cref="IEnterpriseDirectory"/>. A <see cref="TimeProvider"/> registered before this call is kept; links are
    /// signed in real time (<see cref="LinkClock"/>) unless a test registers another.
    /// </summary>
    public static IServiceCollection AddDocuments(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<DocumentOptions>()
            .Bind(configuration.GetSection(DocumentOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(LinkClock.System);
        services.AddSingleton<DocumentStore>();
        return services;
    }
}
