using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using SafetyCert.Functions.Access;

namespace SafetyCert.Functions.Documents;

/// <summary>
/// <c>/api/enterprises/{enterpriseId}/documents</c>: upload (multipart/form-data with fields <c>kind</c> and
/// <c>file</c>; 201 with the document and its Location, or 200 with the existing document when the same content
/// of the same kind is already on file), list (optionally <c>?kind=</c>), metadata, and download, which answers
/// 302 with a short-lived read-only link to the blob. Every error is a ProblemDetails and writes nothing. The functions
/// are <see cref="DocumentFunctions"/>.
/// </summary>
public static class DocumentsApi
{
    private const string KindField = "kind";
    private const string FileField = "file";

    public static async Task<Results<Created<Document>, Ok<Document>, ProblemHttpResult, ValidationProblem>> UploadAsync(
        string enterpriseId,
        HttpRequest request,
        Caller caller,
        IEnterpriseDirectory directory,
        DocumentStore store,
        IOptions<DocumentOptions> options,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(options);
        var enterprise = await directory.FindAsync(enterpriseId, cancellationToken).ConfigureAwait(false);
        if (enterprise is null)
        {
            return UnknownEnterprise(enterpriseId);
        }

        var maxRequestBytes = options.Value.MaxRequestBytes();
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            // The server stops reading a body past the most an upload may be, whatever it says its length is.
            limit.MaxRequestBodySize = maxRequestBytes;
        }

        if (request.ContentLength > maxRequestBytes)
        {
            return TooLarge($"The request has {request.ContentLength} bytes; an upload is at most {maxRequestBytes} bytes.");
        }

        if (!request.HasFormContentType)
        {
            return TypedResults.Problem(
                $"Send multipart/form-data with the fields '{KindField}' and '{FileField}', not '{request.ContentType}'.",
                statusCode: StatusCodes.Status415UnsupportedMediaType,
                title: "Upload is not a form");
        }

        IFormCollection form;
        try
        {
            form = await new FormFeature(request, new FormOptions { MultipartBodyLengthLimit = maxRequestBytes })
                .ReadFormAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (InvalidDataException e) when (e.Message.StartsWith("Multipart body length limit", StringComparison.Ordinal))
        {
            return TooLarge($"The request is larger than {maxRequestBytes} bytes, the most an upload may be.");
        }
        catch (Exception e) when (e is InvalidDataException or IOException)
        {
            // The parser's message names its internals; the caller learns what to fix.
            return TypedResults.Problem("The form cannot be read: send multipart/form-data with a kind field and one file.", statusCode: StatusCodes.Status400BadRequest, title: "Malformed form");
        }

        var kind = form[KindField].ToString();
        var file = form.Files.GetFile(FileField);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (!DocumentKinds.IsKnown(kind))
        {
            errors[KindField] = [$"'{kind}' is not a document kind; send one of {string.Join(", ", DocumentKinds.All)}."];
        }

        if (file is null)
        {
            errors[FileField] = [$"The form has no file field '{FileField}'."];
        }

        if (errors.Count > 0 || file is null)
        {
            return TypedResults.ValidationProblem(errors, title: "The upload is incomplete");
        }

        if (!DocumentPermissions.MayUpload(caller, enterprise, kind))
        {
            var allowed = DocumentPermissions.UploadableKinds(caller, enterprise).ToList();
            return Forbidden(
                $"A {caller.Role} caller may not upload {kind} for enterprise {enterprise.Id}"
                + (allowed.Count == 0 ? "." : $"; it may upload {string.Join(", ", allowed)}."));
        }

        try
        {
            await using var content = file.OpenReadStream();
            var upload = await store.UploadAsync(kind, enterprise.Id, enterprise.RegionCode, caller, file.FileName, file.ContentType, content, cancellationToken)
                .ConfigureAwait(false);
            return upload.Created
                ? TypedResults.Created(DocumentPath(enterprise.Id, upload.Document.Id), upload.Document)
                : TypedResults.Ok(upload.Document);
        }
        catch (DocumentRejectedException e)
        {
            return e.Reason switch
            {
                DocumentRejection.TooLarge => TooLarge(e.Message),
                DocumentRejection.MediaTypeNotAllowed or DocumentRejection.ContentContradictsMediaType => TypedResults.Problem(
                    e.Message, statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Media type not accepted"),
                DocumentRejection.UnknownKind => TypedResults.ValidationProblem(new Dictionary<string, string[]> { [KindField] = [e.Message] }),
                _ => TypedResults.ValidationProblem(new Dictionary<string, string[]> { [FileField] = [e.Message] }),
            };
        }
    }

    public static async Task<Results<Ok<IReadOnlyList<Document>>, ProblemHttpResult, ValidationProblem>> ListAsync(
        string enterpriseId,
        string? kind,
        Caller caller,
        IEnterpriseDirectory directory,
        DocumentStore store,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(store);
        var enterprise = await directory.FindAsync(enterpriseId, cancellationToken).ConfigureAwait(false);
        if (enterprise is null)
        {
            return UnknownEnterprise(enterpriseId);
        }

        if (kind is not null && !DocumentKinds.IsKnown(kind))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                [KindField] = [$"'{kind}' is not a document kind; filter by one of {string.Join(", ", DocumentKinds.All)}."],
            });
        }

        if (!DocumentPermissions.MayRead(caller, enterprise))
        {
            return UnknownEnterprise(enterpriseId);
        }

        return TypedResults.Ok(await store.ListAsync(enterprise.Id, kind, cancellationToken).ConfigureAwait(false));
    }

    public static async Task<Results<Ok<Document>, ProblemHttpResult>> GetAsync(
        string enterpriseId,
        string documentId,
        Caller caller,
        IEnterpriseDirectory directory,
        DocumentStore store,
        CancellationToken cancellationToken)
    {
        var found = await FindReadableAsync(enterpriseId, documentId, caller, directory, store, cancellationToken).ConfigureAwait(false);
        return found.Document is { } document ? TypedResults.Ok(document) : found.Problem!;
    }

    public static async Task<Results<RedirectHttpResult, ProblemHttpResult>> DownloadAsync(
        string enterpriseId,
        string documentId,
        Caller caller,
        IEnterpriseDirectory directory,
        DocumentStore store,
        CancellationToken cancellationToken)
    {
        var found = await FindReadableAsync(enterpriseId, documentId, caller, directory, store, cancellationToken).ConfigureAwait(false);
        if (found.Document is not { } document)
        {
            return found.Problem!;
        }

        var link = await store.DownloadLinkAsync(document, cancellationToken).ConfigureAwait(false);
        return TypedResults.Redirect(link.Uri.AbsoluteUri);
    }

    private static async Task<(Document? Document, ProblemHttpResult? Problem)> FindReadableAsync(
        string enterpriseId, string documentId, Caller caller, IEnterpriseDirectory directory, DocumentStore store, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(store);
        var enterprise = await directory.FindAsync(enterpriseId, cancellationToken).ConfigureAwait(false);
        if (enterprise is null)
        {
            return (null, UnknownEnterprise(enterpriseId));
        }

        if (!DocumentPermissions.MayRead(caller, enterprise))
        {
            // As for an enterprise that does not exist: an outsider learns nothing.
            return (null, UnknownEnterprise(enterpriseId));
        }

        var document = await store.GetAsync(enterprise.Id, documentId, cancellationToken).ConfigureAwait(false);
        return document is null
            ? (null, TypedResults.Problem($"Enterprise {enterprise.Id} has no document '{documentId}'.", statusCode: StatusCodes.Status404NotFound, title: "Document not found"))
            : (document, null);
    }

    private static string DocumentPath(string enterpriseId, string documentId) =>
        $"/api/enterprises/{Uri.EscapeDataString(enterpriseId)}/documents/{documentId}";

    private static ProblemHttpResult UnknownEnterprise(string enterpriseId) =>
        TypedResults.Problem($"No enterprise has the id '{enterpriseId}'.", statusCode: StatusCodes.Status404NotFound, title: "Enterprise not found");

    private static ProblemHttpResult TooLarge(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status413PayloadTooLarge, title: "Document too large");

    private static ProblemHttpResult Forbidden(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status403Forbidden, title: "Not allowed");
}
