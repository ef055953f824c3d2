using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SafetyCert.Functions.Notifications;

namespace SafetyCert.Host.Tests.Notifications;

public sealed class NotificationOptionsTests
{
    [Fact]
    public void Bad_settings_are_named_when_options_are_read()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Notifications:RobotMessagesPerMinute"] = "30",
            ["Notifications:Smtp:Port"] = "0",
        }).Build();
        using var provider = new ServiceCollection().AddNotifications(configuration).BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<NotificationOptions>>().Value);

        Assert.Contains(error.Failures, f => f.Contains("Notifications:RobotMessagesPerMinute", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.Contains("Notifications:Smtp:Port", StringComparison.Ordinal));
    }
}
