using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using SafetyCert.Domain.Workflows;
using SafetyCert.Functions.Storage;
using SafetyCert.Functions.Workflows;
using SafetyCert.Functions.Access;
using SafetyCert.Functions.Api.Enterprises;

namespace SafetyCert.Functions.Api.WorkflowStatus;

/// <summary><c>/api/workflows/{kind}/{id}</c>: any workflow instance's status and history, for callers who may see its enterprise (or its review unit).</summary>
internal static class WorkflowApi
{
    private static readonly string[] Kinds =
        [WorkflowKinds.Application, WorkflowKinds.Certificate, WorkflowKinds.Revocation, WorkflowKinds.SelfAssessment, WorkflowKinds.Remediation, WorkflowKinds.Accreditation];

    public static async Task<Results<Ok<WorkflowInstanceStatus>, ProblemHttpResult>> GetStatusAsync(
        string kind, string id, Caller caller, WorkflowClient workflows, EnterpriseRegistry registry, Notifications.RuleCitation citations, CancellationToken ct)
    {
        var (status, problem) = await VisibleAsync(kind, id, caller, workflows, registry, ct);
        // A person reads each deadline's rule: the regulation by title and article, never the product's rulebook.
        return status is null
            ? problem!
            : TypedResults.Ok(status with { Deadlines = [.. status.Deadlines.Select(d => d with { Rule = citations.Cite(d.Rule).Chinese })] });
    }

    public static async Task<Results<Ok<HistoryPage>, ProblemHttpResult>> GetHistoryAsync(
        string kind, string id, IQueryCollection query, Caller caller, WorkflowClient workflows, EnterpriseRegistry registry, CancellationToken ct)
    {
        if (!ApiQuery.TryGet(query, "from", 1L, out var from, out var malformed) || !ApiQuery.TryGet(query, "pageSize", 100, out var pageSize, out malformed))
        {
            return malformed;
        }

        if (from < 1 || pageSize is < 1 or > 1000)
        {
            return ApiProblems.Invalid("pageSize", new("from 须不小于 1，pageSize 须在 1 到 1000 之间。", "from ≥ 1 and pageSize in 1..1000."));
        }

        var (status, problem) = await VisibleAsync(kind, id, caller, workflows, registry, ct);
        return status is null ? problem! : TypedResults.Ok(await workflows.GetHistoryAsync(kind, id, from, pageSize, ct));
    }

    private static async Task<(WorkflowInstanceStatus?, ProblemHttpResult?)> VisibleAsync(
        string kind, string id, Caller caller, WorkflowClient workflows, EnterpriseRegistry registry, CancellationToken ct)
    {
        if (!Kinds.Contains(kind))
        {
            return (null, ApiProblems.NotFound($"Workflow kind '{kind}' ({string.Join(", ", Kinds)})"));
        }

        var status = id.Length is 0 or > TableKey.MaxPartLength ? null : await workflows.GetStatusAsync(kind, id, ct);
        if (status is null)
        {
            return (null, ApiProblems.NotFound($"{kind} '{id}'"));
        }

        if (caller.Role == Party.Administrator)
        {
            return (status, null);
        }

        using var state = JsonDocument.Parse(status.StateJson);
        var enterpriseId = state.RootElement.TryGetProperty("enterpriseId", out var e) && e.ValueKind == JsonValueKind.String ? e.GetString() : null;
        var unitId = state.RootElement.TryGetProperty("reviewUnitId", out var u) && u.ValueKind == JsonValueKind.String ? u.GetString()
            : state.RootElement.TryGetProperty("unitId", out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        if (caller.Role == Party.ReviewUnit && caller.BodyId is not null && caller.BodyId == unitId)
        {
            return (status, null);
        }

        if (enterpriseId is not null && await registry.GetAsync(enterpriseId, ct) is { } enterprise && caller.MaySee(enterprise.Id, enterprise.RegionCode))
        {
            return (status, null);
        }

        if (enterpriseId is null && caller.Role == Party.Regulator)
        {
            return (status, null);
        }

        return (null, ApiProblems.Unseen($"Workflow {kind} '{id}'"));
    }
}
