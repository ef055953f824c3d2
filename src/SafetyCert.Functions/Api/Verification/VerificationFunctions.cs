using System.Globalization;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using SafetyCert.Domain.Certificates;
using SafetyCert.Domain.Workflows;
using SafetyCert.Functions.Api.Certificates;
using SafetyCert.Functions.Api.Enterprises;
using SafetyCert.Functions.Api.Register;
using SafetyCert.Functions.Workflows;
using SafetyCert.Functions.Api.Reference;

namespace SafetyCert.Functions.Api.Verification;

/// <summary>
/// <c>GET /api/public/certificates/{number}</c>: anyone, without a token, checks a certificate by its number and sees the
/// enterprise's name, grade, issuing body, validity and current status (valid, expired, suspended, revoked, superseded).
/// Rate-limited per client address; over the limit a 429 ProblemDetails with <c>Retry-After</c>.
/// </summary>
internal sealed class VerificationFunctions(
    WorkflowClients workflowClients, CertificateIndex index, EnterpriseRegistry registry, CertificateSummaries summaries, VerificationLimiter limiter)
{
    [Function("Public_VerifyCertificate")]
    [ApiOperation("Verify a certificate by its number (public)")]
    [ApiResponse(StatusCodes.Status200OK, Type = typeof(VerificationView))]
    [ApiResponse(StatusCodes.Status404NotFound, ApiResponseAttribute.Problem)]
    [ApiResponse(StatusCodes.Status429TooManyRequests, ApiResponseAttribute.Problem)]
    public async Task<IResult> VerifyAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "public/certificates/{number}")] HttpRequest request,
        string number, [DurableClient] DurableTaskClient durable, CancellationToken cancellationToken)
    {
        var client = request.HttpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        if (await limiter.TryAcquireAsync(client, cancellationToken) is { } wait)
        {
            var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
            request.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            return ApiProblems.Problem(StatusCodes.Status429TooManyRequests, "rate-limited", "Too many look-ups",
                $"At most {VerificationLimiter.PerMinute} look-ups a minute from one address; try again in {seconds} s.");
        }

        var record = CertificateNumber.TryParse(number, out _) ? await index.FindByNumberAsync(number, cancellationToken) : null;
        if (record is null)
        {
            return ApiProblems.NotFound($"Certificate '{number}'");
        }

        var enterprise = await registry.GetAsync(record.EnterpriseId, cancellationToken);
        var status = (await workflowClients.For(durable).GetStatusAsync(WorkflowKinds.Certificate, record.CertificateId, cancellationToken))?.Status ?? "Issuing";
        return TypedResults.Ok(new VerificationView(
            record.Number,
            enterprise?.Name ?? "",
            RegisterColumns.GradeLabel(record.Grade),
            await summaries.IssuingBodyAsync(record, cancellationToken),
            record.IssuedOn,
            summaries.LastValidDay(record),
            status,
            Notifications.NoticeVocabulary.CertificateStatus(status).Zh));
    }
}
