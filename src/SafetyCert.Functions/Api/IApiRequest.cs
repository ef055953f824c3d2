namespace SafetyCert.Functions.Api;

/// <summary>A request body that knows what is wrong with it; <see cref="ApiRequests"/> checks every one before a handler runs.</summary>
internal interface IApiRequest
{
    /// <summary>Each invalid field (camelCase, as in JSON) with what is wrong; empty when the request is valid.</summary>
    IEnumerable<(string Field, Language.ApiText Error)> Problems();
}
