using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.Azure;
using Microsoft.Extensions.Options;

namespace SafetyCert.Functions.Storage;

/// <summary>Registers the storage clients once for the whole process.</summary>
public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// Binds <see cref="StorageOptions"/> from the <c>Storage</c> section (validated on start) and registers
    /// <see cref="TableServiceClient"/>, <see cref="QueueServiceClient"/> (Base64 messages, as Functions
    /// queue triggers expect), <see cref="BlobServiceClient"/> and <see cref="StorageAccount"/> through
    /// <c>AddAzureClients</c>: the connection string when given, otherwise the endpoints with a
    /// <see cref="ManagedIdentityCredential"/> for <see cref="StorageOptions.ClientId"/> or <see cref="DefaultAzureCredential"/>.
    /// </summary>
    public static IServiceCollection AddSafetyCertStorage(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<StorageOptions>()
            .Bind(configuration.GetSection(StorageOptions.SectionName))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>();

        services.AddAzureClients(builder =>
        {
            builder.AddClient<TableServiceClient, TableClientOptions>((options, provider) =>
            {
                var storage = provider.GetRequiredService<IOptions<StorageOptions>>().Value;
                return storage.ConnectionString is { Length: > 0 } connection
                    ? new TableServiceClient(connection, options)
                    : new TableServiceClient(Endpoint(storage.TableEndpoint, "TableEndpoint"), Credential(storage), options);
            });
            builder.AddClient<QueueServiceClient, QueueClientOptions>((options, provider) =>
            {
                var storage = provider.GetRequiredService<IOptions<StorageOptions>>().Value;
                options.MessageEncoding = QueueMessageEncoding.Base64;
                return storage.ConnectionString is { Length: > 0 } connection
                    ? new QueueServiceClient(connection, options)
                    : new QueueServiceClient(Endpoint(storage.QueueEndpoint, "QueueEndpoint"), Credential(storage), options);
            });
            builder.AddClient<BlobServiceClient, BlobClientOptions>((options, provider) =>
            {
                var storage = provider.GetRequiredService<IOptions<StorageOptions>>().Value;
                return storage.ConnectionString is { Length: > 0 } connection
                    ? new BlobServiceClient(connection, options)
                    : new BlobServiceClient(Endpoint(storage.BlobEndpoint, "BlobEndpoint"), Credential(storage), options);
            });
        });

        services.AddSingleton(provider => new StorageAccount(
            provider.GetRequiredService<TableServiceClient>(),
            provider.GetRequiredService<QueueServiceClient>(),
            provider.GetRequiredService<BlobServiceClient>(),
            provider.GetRequiredService<IOptions<StorageOptions>>().Value.Prefix));
        return services;
    }

    private static Uri Endpoint(Uri? endpoint, string name) =>
        endpoint ?? throw new InvalidOperationException($"Storage:{name} is required when Storage:ConnectionString is not set.");

    internal static TokenCredential Credential(StorageOptions storage) =>
        storage.ClientId is { Length: > 0 } clientId
            ? new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(clientId))
            : new DefaultAzureCredential();
}
