using Microsoft.AspNetCore.Http.HttpResults;
using SafetyCert.Domain.Serialization;
using SafetyCert.Functions.Api.Enterprises;
using SafetyCert.Functions.Notifications.Channels;
using SafetyCert.Functions.Notifications.Contacts;

namespace SafetyCert.Functions.Api.Contacts;

/// <summary>
/// A party's notification contacts in the contact book, under the scope the notification sender looks the party up by
/// (<see cref="RecipientScope"/>): listed with secrets hidden, saved after the book's own checks, removed. Every party's
/// contacts endpoints go through here, so all keep the same validation and write-only secrets.
/// </summary>
internal static class ContactsApi
{
    public static async Task<Results<Ok<IReadOnlyList<ContactView>>, ProblemHttpResult>> ListAsync(string scope, ContactBook contacts, CancellationToken ct)
    {
        var party = await contacts.GetAsync(scope, ct);
        return TypedResults.Ok<IReadOnlyList<ContactView>>([.. party.Channels.Select(ContactView.Of)]);
    }

    public static async Task<Results<Ok<ContactView>, ProblemHttpResult>> SaveAsync(string scope, ContactRequest request, ContactBook contacts, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var contact = new Contact(request.Order, EnumNames.Parse<ChannelKind>(request.Channel, ignoreCase: true), request.Addresses ?? [], request.Url, request.Key, request.Secret);
        if (await contacts.ProblemAsync(contact, ct) is { } invalid)
        {
            // The channel's own checks explain themselves in English; the Chinese says which setting was refused.
            return ApiProblems.Invalid(invalid.Field, new(
                invalid.Field == "url" ? "该 Webhook 地址不被接受（地址无效，或指向不允许的网络）。" : "该通知渠道的设置不完整或有误。",
                invalid.Error));
        }

        await contacts.SaveAsync(scope, contact, ct);
        return TypedResults.Ok(ContactView.Of(contact));
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> RemoveAsync(string scope, string contactId, ContactBook contacts, CancellationToken ct)
    {
        await contacts.RemoveAsync(scope, contactId, ct);
        return TypedResults.NoContent();
    }
}
