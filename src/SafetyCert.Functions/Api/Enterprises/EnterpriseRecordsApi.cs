using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;
using SafetyCert.Domain.Workflows;
using SafetyCert.Functions.Access;
using SafetyCert.Functions.Api.Applications;
using SafetyCert.Functions.Api.Certificates;
using SafetyCert.Functions.Api.ReviewBodies;
using SafetyCert.Functions.Workflows;
using SafetyCert.Functions.Notifications;

namespace SafetyCert.Functions.Api.Enterprises;

/// <summary>
/// What an enterprise has: its applications, certificates and running deadlines. Each reads the enterprise's own
/// partition (its linked workflow instances) and then one projection row per instance.
/// </summary>
internal static class EnterpriseRecordsApi
{
    public static async Task<Results<Ok<IReadOnlyList<ApplicationSummary>>, ProblemHttpResult>> ApplicationsAsync(
        string id, Caller caller, EnterpriseRegistry registry, ApplicationViews applications, ReviewBodyRegistry bodies, RuleCitation citations, CancellationToken ct)
    {
        var (enterprise, problem) = await EnterpriseApi.FindVisibleAsync(id, caller, registry, ct);
        if (enterprise is null)
        {
            return problem!;
        }

        var (_, _, instances) = await registry.HistoryAsync(enterprise.Id, ct);
        var organizations = await bodies.OrganizationsAsync(ct);
        var summaries = new List<ApplicationSummary>();
        foreach (var (_, instanceId) in instances.Where(i => i.Kind == WorkflowKinds.Application))
        {
            if (await applications.GetAsync(instanceId, ct) is { } state)
            {
                summaries.Add(ApplicationViews.Summary(state, organizations, citations));
            }
        }

        return TypedResults.Ok<IReadOnlyList<ApplicationSummary>>([.. summaries.OrderByDescending(a => a.SubmittedOn).ThenBy(a => a.Id, StringComparer.Ordinal)]);
    }

    public static async Task<Results<Ok<IReadOnlyList<CertificateSummary>>, ProblemHttpResult>> CertificatesAsync(
        string id, Caller caller, EnterpriseRegistry registry, CertificateIndex index, CertificateSummaries summaries, WorkflowStore store, IClock clock, CancellationToken ct)
    {
        var (enterprise, problem) = await EnterpriseApi.FindVisibleAsync(id, caller, registry, ct);
        if (enterprise is null)
        {
            return problem!;
        }

        var today = ApplicationApi.Today(clock);
        var (_, _, instances) = await registry.HistoryAsync(enterprise.Id, ct);
        var certificates = new List<CertificateSummary>();
        foreach (var (_, instanceId) in instances.Where(i => i.Kind == WorkflowKinds.Certificate))
        {
            if (await index.GetAsync(instanceId, ct) is { } record)
            {
                var status = await store.GetStatusAsync(WorkflowKinds.Certificate, instanceId, ct);
                certificates.Add(await summaries.OfAsync(record, status?.Status, enterprise.Name, today, ct));
            }
        }

        return TypedResults.Ok<IReadOnlyList<CertificateSummary>>([.. certificates.OrderByDescending(c => c.IssuedOn).ThenBy(c => c.Number, StringComparer.Ordinal)]);
    }

    /// <summary>The deadlines of the <c>.ics</c> feed (<see cref="EnterpriseApi.RunningDeadlinesAsync"/>), earliest first, with Chinese titles.</summary>
    public static async Task<Results<Ok<IReadOnlyList<EnterpriseDeadline>>, ProblemHttpResult>> DeadlinesAsync(
        string id, Caller caller, EnterpriseRegistry registry, WorkflowClient workflows, RuleCitation citations, IClock clock, CancellationToken ct)
    {
        var (enterprise, problem) = await EnterpriseApi.FindVisibleAsync(id, caller, registry, ct);
        if (enterprise is null)
        {
            return problem!;
        }

        var today = ApplicationApi.Today(clock);
        var deadlines = await EnterpriseApi.RunningDeadlinesAsync(enterprise.Id, registry, workflows, ct);
        return TypedResults.Ok<IReadOnlyList<EnterpriseDeadline>>([.. deadlines
            .Select(d => (d, Citation: citations.Cite(d.Deadline.Rule)))
            .Select(x => new EnterpriseDeadline(x.d.Deadline.Name, DeadlineTitles.Of(x.d.Deadline.Name), x.d.Deadline.Due, x.Citation.Chinese, x.Citation.English, x.d.Kind, x.d.InstanceId, x.d.Deadline.Due < today, x.d.Deadline.Provisional))
            .OrderBy(d => d.DueOn)
            .ThenBy(d => d.WorkflowKind, StringComparer.Ordinal)
            .ThenBy(d => d.WorkflowId, StringComparer.Ordinal)]);
    }

    /// <summary>
    /// The enterprise as it stands: the grade it holds only while the certificate that gave it is in force (as the ledger
    /// counts it), so an expired, suspended, revoked or cancelled certificate leaves no current grade (RULES.md §5, §7, §4.4).
    /// </summary>
    public static async Task<Enterprise> CurrentAsync(Enterprise enterprise, WorkflowStore store, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(enterprise);
        if (enterprise.Grade is null || enterprise.CurrentCertificateId is not { } certificateId)
        {
            return enterprise;
        }

        var status = await store.GetStatusAsync(WorkflowKinds.Certificate, certificateId, ct);
        return CertificateSummaries.InForce(status?.Status) ? enterprise : enterprise with { Grade = null };
    }
}
