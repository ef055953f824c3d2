using SafetyCert.Host.Tests.Notifications;
using SafetyCert.Testing;

[assembly: AssemblyFixture(typeof(LocalServices))]

namespace SafetyCert.Host.Tests.Notifications;

/// <summary>One Azurite and one MailDev for the whole test assembly; each test works under its own prefix.</summary>
public sealed class LocalServices : IAsyncLifetime
{
    public Azurite Azurite { get; private set; } = null!;

    public MailDev MailDev { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        var azurite = Azurite.StartAsync();
        var mailDev = MailDev.StartAsync();
        Azurite = await azurite;
        MailDev = await mailDev;
    }

    public async ValueTask DisposeAsync()
    {
        if (Azurite is not null)
        {
            await Azurite.DisposeAsync();
        }

        if (MailDev is not null)
        {
            await MailDev.DisposeAsync();
        }
    }
}
