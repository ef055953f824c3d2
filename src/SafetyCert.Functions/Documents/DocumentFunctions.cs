using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Options;
using SafetyCert.Functions.Api;
using SafetyCert.Functions.Api.Reference;

namespace SafetyCert.Functions.Documents;

/// <summary><c>/api/enterprises/{enterpriseId}/documents</c>: upload, list, metadata and download (<see cref="DocumentsApi"/>).</summary>
internal sealed class DocumentFunctions(ApiRequests api, IEnterpriseDirectory directory, DocumentStore store, IOptions<DocumentOptions> options)
{
    private const string Route = "enterprises/{enterpriseId}/documents";

    /// <summary>The body is multipart/form-data, read by the handler itself (not JSON).</summary>
    [Function("Documents_Upload")]
    [ApiOperation("Upload a document (write-once, content-addressed)")]
    [ApiRequestBody("multipart/form-data")]
    [ApiResponse(StatusCodes.Status413PayloadTooLarge, ApiResponseAttribute.Problem)]
    [ApiResponse(StatusCodes.Status415UnsupportedMediaType, ApiResponseAttribute.Problem)]
    public Task<IResult> UploadAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Route)] HttpRequest request,
        string enterpriseId, CancellationToken cancellationToken) =>
        api.HandleAsync(request, caller => DocumentsApi.UploadAsync(enterpriseId, request, caller, directory, store, options, cancellationToken));

    /// <summary>Query: <c>kind</c>, optional.</summary>
    [Function("Documents_List")]
    [ApiOperation("List an enterprise's documents")]
    [ApiQuery("kind", "Only documents of this kind.", Type = "DocumentKind")]
    public Task<IResult> ListAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Route)] HttpRequest request,
        string enterpriseId, CancellationToken cancellationToken) =>
        api.HandleAsync(request, caller =>
            DocumentsApi.ListAsync(enterpriseId, ApiQuery.Text(request.Query, "kind"), caller, directory, store, cancellationToken));

    [Function("Documents_Get")]
    [ApiOperation("Read a document's metadata")]
    public Task<IResult> GetAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Route + "/{documentId}")] HttpRequest request,
        string enterpriseId, string documentId, CancellationToken cancellationToken) =>
        api.HandleAsync(request, caller => DocumentsApi.GetAsync(enterpriseId, documentId, caller, directory, store, cancellationToken));

    [Function("Documents_Download")]
    [ApiOperation("Get a short-lived download link for a document")]
    public Task<IResult> DownloadAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Route + "/{documentId}/download")] HttpRequest request,
        string enterpriseId, string documentId, CancellationToken cancellationToken) =>
        api.HandleAsync(request, caller => DocumentsApi.DownloadAsync(enterpriseId, documentId, caller, directory, store, cancellationToken));
}
