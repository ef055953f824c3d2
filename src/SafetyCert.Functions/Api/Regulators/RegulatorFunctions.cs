using Microsoft.Azure.Functions.Worker;
using SafetyCert.Functions.Access;
using SafetyCert.Functions.Api.Enterprises;
using SafetyCert.Functions.Notifications.Contacts;
using SafetyCert.Functions.Api.Reference;

namespace SafetyCert.Functions.Api.Regulators;

/// <summary><c>/api/regulators/{regionCode}/{level}</c>: a regulator's notification contacts.</summary>
internal sealed class RegulatorFunctions(ApiRequests api, ContactBook contacts)
{
    [Function("Regulators_GetContacts")]
    [ApiOperation("List a regulator's notification channels")]
    public Task<IResult> GetContactsAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "regulators/{regionCode}/{level}/contacts")] HttpRequest request,
        string regionCode, string level, CancellationToken cancellationToken) =>
        api.HandleAsync(request, caller => RegulatorContactsApi.GetContactsAsync(regionCode, level, caller, contacts, cancellationToken));

    [Function("Regulators_SaveContact")]
    [ApiOperation("Add or change a notification channel of a regulator")]
    public Task<IResult> SaveContactAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "regulators/{regionCode}/{level}/contacts")] HttpRequest request,
        string regionCode, string level, CancellationToken cancellationToken) =>
        api.HandleAsync(request, (Caller caller, ContactRequest body) =>
            RegulatorContactsApi.SaveContactAsync(regionCode, level, body, caller, contacts, cancellationToken), cancellationToken);

    [Function("Regulators_RemoveContact")]
    [ApiOperation("Remove one of a regulator's notification channels")]
    public Task<IResult> RemoveContactAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "regulators/{regionCode}/{level}/contacts/{contactId}")] HttpRequest request,
        string regionCode, string level, string contactId, CancellationToken cancellationToken) =>
        api.HandleAsync(request, caller => RegulatorContactsApi.RemoveContactAsync(regionCode, level, contactId, caller, contacts, cancellationToken));
}
