using SafetyCert.Functions.Storage;
using SafetyCert.Testing;

[assembly: AssemblyFixture(typeof(SafetyCert.Functions.Tests.Support.AzuriteFixture))]

namespace SafetyCert.Functions.Tests.Support;

/// <summary>One Azurite for the whole test assembly; each test takes its own name prefix.</summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    private static int counter;
    private Azurite? azurite;

    public string ConnectionString => azurite?.ConnectionString ?? throw new InvalidOperationException("Azurite has not started.");

    public static string NewPrefix() => $"t{Interlocked.Increment(ref counter)}x{Environment.ProcessId % 1000}";

    public StorageAccount NewAccount() => StorageAccount.FromConnectionString(ConnectionString, NewPrefix());

    public async ValueTask InitializeAsync() => azurite = await Azurite.StartAsync();

    public async ValueTask DisposeAsync()
    {
        if (azurite is not null)
        {
            await azurite.DisposeAsync();
        }
    }
}
