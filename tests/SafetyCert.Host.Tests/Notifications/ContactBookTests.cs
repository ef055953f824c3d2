using SafetyCert.Functions.Notifications.Channels;
using SafetyCert.Functions.Notifications.Contacts;

namespace SafetyCert.Host.Tests.Notifications;

public sealed class ContactBookTests(LocalServices services)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Channels_come_back_in_preference_order_with_preferences()
    {
        await using var harness = new NotificationHarness(services);
        await harness.Contacts.SaveAsync("review-unit:u/7#", Contact.DingTalk(3, "token", "SECx"), Ct);
        await harness.Contacts.SaveAsync("review-unit:u/7#", Contact.Email(1, "a@example.cn"), Ct);
        await harness.Contacts.SaveAsync("review-unit:u/7#", Contact.WeCom(2, "key"), Ct);
        await harness.Contacts.SavePreferencesAsync("review-unit:u/7#", new ContactPreferences(new HashSet<string> { "review-due-soon" }, ContactPreferences.English), Ct);

        var party = await harness.Contacts.GetAsync("review-unit:u/7#", Ct);

        Assert.Equal([ChannelKind.Email, ChannelKind.WeCom, ChannelKind.DingTalk], party.Channels.Select(c => c.Channel));
        Assert.Equal("02-wecom", party.After("01-email")!.Id);
        Assert.Null(party.After("03-dingtalk"));
        Assert.True(party.Preferences.EnglishFirst);
        Assert.Contains("review-due-soon", party.Preferences.MutedKinds);
        Assert.Equal(["review-unit:u/7#"], await harness.Contacts.ScopesAsync("review-unit:", Ct));
    }

    [Theory]
    [InlineData("not-an-address", "e-mail addresses")]
    [InlineData("", "e-mail addresses")]
    public async Task Unusable_contacts_are_refused_naming_the_field(string address, string complaint)
    {
        await using var harness = new NotificationHarness(services);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => harness.Contacts.SaveAsync("enterprise:e-1", address.Length == 0 ? Contact.Email(1) : Contact.Email(1, address), Ct));

        Assert.Contains(complaint, error.Message, StringComparison.Ordinal);
        Assert.Empty((await harness.Contacts.GetAsync("enterprise:e-1", Ct)).Channels);
    }

    [Fact]
    public async Task A_DingTalk_robot_without_secret_is_refused()
    {
        await using var harness = new NotificationHarness(services);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => harness.Contacts.SaveAsync("enterprise:e-1", Contact.DingTalk(1, "token", ""), Ct));

        Assert.Contains("signing secret", error.Message, StringComparison.Ordinal);
    }
}
