using Azure;
using Azure.Data.Tables;
using SafetyCert.Domain.Serialization;
using SafetyCert.Functions.Notifications.Channels;

namespace SafetyCert.Functions.Notifications.Contacts;

/// <summary>
/// The table <c>{prefix}contacts</c>: PartitionKey = party scope (see <see cref="RecipientScope"/>), one row per
/// channel keyed <c>{order:D2}-{channel}</c>, and one row <c>preferences</c> with the muted kinds and language.
/// Channels are read at send time, so a changed address takes effect for deliveries not yet sent. A saved contact
/// is handed to <paramref name="contactSaved"/> (the sender's re-addressing of notices that found the party without
/// a contact), so they go out at once rather than at the next catch-up.
/// </summary>
internal sealed class ContactBook(TableClient table, WebhookTargetGuard webhookGuard, Func<string, CancellationToken, Task>? contactSaved = null)
{
    private const string PreferencesRow = "preferences";

    /// <summary>What is wrong with <paramref name="contact"/> (field and error), or null; a webhook's URL is resolved and checked.</summary>
    public async Task<(string Field, string Error)?> ProblemAsync(Contact contact, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(contact);
        if (contact.Channel == ChannelKind.Webhook && await webhookGuard.ProblemAsync(contact.Url, ct).ConfigureAwait(false) is { } refused)
        {
            return ("url", refused);
        }

        try
        {
            contact.Validate();
            return null;
        }
        catch (ArgumentException e)
        {
            return ("channel", e.Message);
        }
    }

    public async Task SaveAsync(string scope, Contact contact, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(contact);
        if (await ProblemAsync(contact, ct).ConfigureAwait(false) is { } problem)
        {
            throw new ArgumentException($"{problem.Field}: {problem.Error}", nameof(contact));
        }

        var entity = new TableEntity(Key(scope), contact.Id)
        {
            ["Channel"] = contact.Channel.ToString(),
            ["Order"] = contact.Order,
            ["Addresses"] = string.Join(';', contact.Addresses),
            ["Url"] = contact.Url,
            ["Key"] = contact.Key,
            ["Secret"] = contact.Secret,
        };
        await table.UpsertEntityAsync(entity, TableUpdateMode.Replace, ct).ConfigureAwait(false);
        if (contactSaved is not null)
        {
            await contactSaved(scope, ct).ConfigureAwait(false);
        }
    }

    public async Task RemoveAsync(string scope, string contactId, CancellationToken ct) =>
        await table.DeleteEntityAsync(Key(scope), contactId, ETag.All, ct).ConfigureAwait(false);

    public async Task SavePreferencesAsync(string scope, ContactPreferences preferences, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(preferences);
        if (preferences.Language is not (ContactPreferences.Chinese or ContactPreferences.English))
        {
            throw new ArgumentException($"Language '{preferences.Language}' is neither {ContactPreferences.Chinese} nor {ContactPreferences.English}.", nameof(preferences));
        }

        var entity = new TableEntity(Key(scope), PreferencesRow)
        {
            ["MutedKinds"] = string.Join(',', preferences.MutedKinds.Order(StringComparer.Ordinal)),
            ["Language"] = preferences.Language,
        };
        await table.UpsertEntityAsync(entity, TableUpdateMode.Replace, ct).ConfigureAwait(false);
    }

    public async Task<PartyContacts> GetAsync(string scope, CancellationToken ct)
    {
        var channels = new List<Contact>();
        var preferences = ContactPreferences.Default;
        var partition = Key(scope);
        await foreach (var row in table.QueryAsync<TableEntity>(e => e.PartitionKey == partition, cancellationToken: ct).ConfigureAwait(false))
        {
            if (row.RowKey == PreferencesRow)
            {
                var muted = (row.GetString("MutedKinds") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                preferences = new ContactPreferences(new HashSet<string>(muted, StringComparer.Ordinal), row.GetString("Language") ?? ContactPreferences.Chinese);
                continue;
            }

            // A row whose channel names none (written before channels were checked) cannot be sent; skipping it lets
            // the party's other channels work, and a delivery addressed to it fails as a contact that no longer exists.
            if (!EnumNames.TryParse<ChannelKind>(row.GetString("Channel"), ignoreCase: false, out var channel))
            {
                continue;
            }

            channels.Add(new Contact(
                row.GetInt32("Order") ?? 0,
                channel,
                (row.GetString("Addresses") ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
                row.GetString("Url"),
                row.GetString("Key"),
                row.GetString("Secret")));
        }

        return new PartyContacts(scope, [.. channels.OrderBy(c => c.Order).ThenBy(c => c.Id, StringComparer.Ordinal)], preferences);
    }

    /// <summary>Every scope that starts with <paramref name="prefix"/> (e.g. <c>regulator:</c>), for the digest.</summary>
    public async Task<IReadOnlyList<string>> ScopesAsync(string prefix, CancellationToken ct)
    {
        var scopes = new SortedSet<string>(StringComparer.Ordinal);
        var end = prefix + '\uffff';
        await foreach (var row in table.QueryAsync<TableEntity>(
            e => e.PartitionKey.CompareTo(prefix) >= 0 && e.PartitionKey.CompareTo(end) < 0, select: ["PartitionKey"], cancellationToken: ct).ConfigureAwait(false))
        {
            scopes.Add(Unkey(row.PartitionKey));
        }

        return [.. scopes];
    }

    // Scopes carry ids chosen elsewhere; the characters Table storage forbids in keys are escaped, not rejected.
    internal static string Key(string scope)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(scope);
        return TableKeys.Escape(scope);
    }

    private static string Unkey(string key) => TableKeys.Unescape(key);
}
