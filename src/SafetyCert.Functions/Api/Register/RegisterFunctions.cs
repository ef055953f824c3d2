using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using SafetyCert.Domain.Workflows;
using SafetyCert.Functions.Access;
using SafetyCert.Functions.Workflows;
using SafetyCert.Functions.Api.Reference;

namespace SafetyCert.Functions.Api.Register;

/// <summary>
/// <c>/api/register</c>: a regulator's or administrator's existing ledger (台账) in and out. <c>POST import</c> takes the
/// file as the body (<c>text/csv</c> or the .xlsx media type): a certificate sheet, or a sheet of review organizations or
/// units, told by its header row; <c>?dryRun=true</c> only reports, <c>?holdPastNotices=true</c>
/// keeps notices already due from going out. <c>GET export</c> answers the ledger as .xlsx.
/// </summary>
internal sealed class RegisterFunctions(
    ApiRequests api, WorkflowClients workflowClients, RegisterImport import, ReviewOrganizationImport organizationImport, ReviewUnitImport unitImport, RegisterExport export,
    ImportProgressBook progressBook)
{
    public const long MaxFileBytes = 32L * 1024 * 1024;

    [Function("Register_Import")]
    [ApiOperation("Import a register of certificates, review organizations or review units (.csv or .xlsx)")]
    [ApiQuery("dryRun", "true: only report what would be imported.", Type = "boolean")]
    [ApiQuery("holdPastNotices", "true: notices already due are not sent.", Type = "boolean")]
    [ApiRequestBody(RegisterFile.CsvMediaType)]
    [ApiRequestBody(RegisterFile.XlsxMediaType)]
    [ApiResponse(StatusCodes.Status200OK, Type = typeof(ImportReport))]
    [ApiResponse(StatusCodes.Status413PayloadTooLarge, ApiResponseAttribute.Problem)]
    [ApiResponse(StatusCodes.Status415UnsupportedMediaType, ApiResponseAttribute.Problem)]
    [ApiResponse(StatusCodes.Status422UnprocessableEntity, ApiResponseAttribute.Problem)]
    public Task<IResult> ImportAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "register/import")] HttpRequest request,
        [DurableClient] DurableTaskClient durable, CancellationToken cancellationToken) =>
        api.HandleAsync(request, async Task<IResult> (Caller caller) =>
        {
            if (Refused(caller) is { } refused)
            {
                return refused;
            }

            if (!Flag(request, "dryRun", out var dryRun) || !Flag(request, "holdPastNotices", out var hold))
            {
                return ApiProblems.Malformed(StatusCodes.Status400BadRequest, "query", new("dryRun 和 holdPastNotices 的值须为 true 或 false。", "dryRun and holdPastNotices are true or false."));
            }

            var mediaType = request.ContentType?.Split(';')[0].Trim();
            if (mediaType is not (RegisterFile.CsvMediaType or RegisterFile.XlsxMediaType))
            {
                return ApiProblems.Malformed(StatusCodes.Status415UnsupportedMediaType, "body", new(
                    $"文件须为 {RegisterFile.CsvMediaType} 或 {RegisterFile.XlsxMediaType}，收到的类型是“{request.ContentType}”。",
                    $"Expected {RegisterFile.CsvMediaType} or {RegisterFile.XlsxMediaType} but got \"{request.ContentType}\"."));
            }

            // A declared or actual size over the limit is refused without holding more than the limit in memory.
            if (request.ContentLength > MaxFileBytes)
            {
                return TooLarge();
            }

            using var buffer = new MemoryStream();
            var chunk = new byte[81920];
            for (int read; (read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0;)
            {
                if (buffer.Length + read > MaxFileBytes)
                {
                    return TooLarge();
                }

                buffer.Write(chunk, 0, read);
            }

            if (buffer.Length == 0)
            {
                return ApiProblems.Malformed(StatusCodes.Status400BadRequest, "body", new("文件为空。", "The file is empty."));
            }

            // Reading the .csv closes the buffer.
            var fileHash = ImportProgressBook.HashOf(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
            buffer.Position = 0;
            RegisterFile file;
            try
            {
                file = mediaType == RegisterFile.CsvMediaType ? RegisterFile.ReadCsv(buffer) : RegisterFile.ReadXlsx(buffer);
            }
            catch (Exception e) when (e is InvalidDataException or InvalidOperationException or IOException or FormatException or CsvHelper.CsvFormatException)
            {
                return ApiProblems.Malformed(StatusCodes.Status400BadRequest, "body", new($"文件无法按 {mediaType} 读取：文件已损坏或不是该类型。", $"The file could not be read as {mediaType}: it is damaged or not of that type."));
            }

            if (file.Rows.Count == 0)
            {
                return ApiProblems.Malformed(StatusCodes.Status400BadRequest, "body", new("文件表头下没有数据行，没有可导入的内容。", "The file has no rows below its header row: nothing to import."));
            }

            var report = RegisterSheets.Of(file.Headers) switch
            {
                RegisterSheet.ReviewOrganizations => await organizationImport.RunAsync(file, caller, dryRun, cancellationToken),
                RegisterSheet.ReviewUnits => await unitImport.RunAsync(file, caller, workflowClients.For(durable), dryRun, cancellationToken),
                _ => await import.RunAsync(file, fileHash, caller, workflowClients.For(durable), dryRun, hold, null, cancellationToken),
            };
            return !dryRun && report.Problems.Count > 0
                ? ApiProblems.Unprocessable("register-rows", "Rows of the file are invalid; nothing was imported",
                    $"{report.Problems.Count} problem(s) in {report.Rows} row(s); fix them and import again.", new Dictionary<string, object?> { ["report"] = report })
                : TypedResults.Ok(report);
        });

    [Function("Register_Export")]
    [ApiOperation("Export the certificate register as a spreadsheet")]
    [ApiResponse(StatusCodes.Status200OK, RegisterFile.XlsxMediaType)]
    public Task<IResult> ExportAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "register/export")] HttpRequest request,
        [DurableClient] DurableTaskClient durable, CancellationToken cancellationToken) =>
        api.HandleAsync(request, async Task<IResult> (Caller caller) =>
            (IResult?)Refused(caller) ?? TypedResults.File(await export.WriteAsync(caller, workflowClients.For(durable), cancellationToken), RegisterFile.XlsxMediaType, "台账.xlsx"));

    [Function("Register_ImportProgress")]
    [ApiOperation("Read the progress of a register import")]
    [ApiResponse(StatusCodes.Status200OK, Type = typeof(ImportProgress))]
    [ApiResponse(StatusCodes.Status404NotFound, ApiResponseAttribute.Problem)]
    public Task<IResult> ImportProgressAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "register/imports/{id}")] HttpRequest request, string id, CancellationToken cancellationToken) =>
        api.HandleAsync(request, async Task<IResult> (Caller caller) =>
        {
            if (Refused(caller) is { } refused)
            {
                return refused;
            }

            var progress = await progressBook.GetAsync(id, cancellationToken);
            // A regulator sees the imports of its region (whoever started them); to others they do not exist.
            return progress is not null && (caller.Role == Party.Administrator || caller.Subject == progress.StartedBy || (progress.RegionCode is { } region && caller.CoversRegion(region)))
                ? TypedResults.Ok(progress)
                : ApiProblems.NotFound($"Import '{id}'");
        });

    private static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult TooLarge() =>
        ApiProblems.Malformed(StatusCodes.Status413PayloadTooLarge, "body", new(
            $"文件大于 {MaxFileBytes / 1024 / 1024} MB，请拆分后依次导入。", $"The file is larger than {MaxFileBytes / 1024 / 1024} MB; split it and import the parts one after another."));

    private static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult? Refused(Caller caller) =>
        caller.Role is Party.Regulator or Party.Administrator
            ? null
            : ApiProblems.Forbidden("Only a regulator (in its region) or an administrator imports and exports the register.");

    private static bool Flag(HttpRequest request, string name, out bool value)
    {
        value = false;
        var text = request.Query[name].ToString();
        return text.Length == 0 || bool.TryParse(text, out value);
    }
}
