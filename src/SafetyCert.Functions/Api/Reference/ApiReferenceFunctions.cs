using Microsoft.Azure.Functions.Worker;

namespace SafetyCert.Functions.Api.Reference;

/// <summary>The API reference, open to anyone: <c>/api/openapi/v1.json</c> (OpenAPI 3.1) and <c>/api/docs</c> (the same as a page).</summary>
internal sealed class ApiReferenceFunctions(ApiReference reference)
{
    [Function("Reference_OpenApi")]
    [ApiOperation("This API reference, as an OpenAPI document")]
    [ApiResponse(StatusCodes.Status200OK)]
    public IResult Document([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "openapi/v1.json")] HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return TypedResults.Text(reference.ToJson(), "application/json", System.Text.Encoding.UTF8);
    }

    [Function("Reference_Docs")]
    [ApiOperation("This API reference, as a page")]
    [ApiResponse(StatusCodes.Status200OK, "text/html")]
    public IResult Page([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "docs")] HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.HttpContext.Response.Headers.ContentSecurityPolicy = ApiReferencePage.Policy;
        return TypedResults.Text(ApiReferencePage.Render(reference.Document), "text/html", System.Text.Encoding.UTF8);
    }
}
