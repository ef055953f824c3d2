namespace SafetyCert.Functions.Notifications.Contacts;

/// <summary>Everything the contact book holds for one party scope, channels in preference order.</summary>
internal sealed record PartyContacts(string Scope, IReadOnlyList<Contact> Channels, ContactPreferences Preferences)
{
    /// <summary>The channel after <paramref name="contactId"/> in preference order, if any.</summary>
    public Contact? After(string contactId) =>
        Channels.SkipWhile(c => c.Id != contactId).Skip(1).FirstOrDefault();

    public Contact? Find(string contactId) => Channels.FirstOrDefault(c => c.Id == contactId);
}
