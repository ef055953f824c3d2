using Azure.Storage.Blobs;
using SafetyCert.Host.Tests.Support;
using SafetyCert.Testing;

[assembly: AssemblyFixture(typeof(AzuriteFixture))]

namespace SafetyCert.Host.Tests.Support;

/// <summary>One Azurite for the whole test assembly; tests keep apart through unique storage prefixes.</summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    private Azurite? azurite;

    public string ConnectionString => (azurite ?? throw new InvalidOperationException("Azurite is not started.")).ConnectionString;

    public BlobServiceClient Blobs => new(ConnectionString);

    /// <summary>A prefix no other test uses: lowercase, valid in container and queue names.</summary>
    public static string NewPrefix() => $"t{Guid.NewGuid():N}"[..13];

    public async ValueTask InitializeAsync() => azurite = await Azurite.StartAsync();

    public async ValueTask DisposeAsync()
    {
        if (azurite is not null)
        {
            await azurite.DisposeAsync();
        }
    }
}
