using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;
using SafetyCert.Domain.Workflows;
using SafetyCert.Functions.Access;
using SafetyCert.Functions.Api.Applications;
using SafetyCert.Functions.Api.Certificates;
using SafetyCert.Functions.Api.Enterprises;
using SafetyCert.Functions.Workflows;

namespace SafetyCert.Functions.Api.Search;

/// <summary>
/// Regulators and administrators search the enterprises and certificates of their region, a page at a time. Azure Table
/// storage has no secondary index and both tables are keyed by id (one partition per enterprise, per certificate), so a
/// region cannot be read as a key range: each search reads the registration or index rows of the whole table once and
/// filters them here. What else it reads is said on each method; nothing grows with the page beyond one point read per item.
/// </summary>
internal static class SearchApi
{
    /// <summary>
    /// Reads every enterprise registration row (one per enterprise); with <c>grade</c>, one certificate status per
    /// enterprise of the region recorded with that grade; then one certificate status per enterprise on the page, so
    /// each shows its current grade as <c>GET /api/enterprises/{id}</c> does.
    /// </summary>
    public static async Task<Results<Ok<SearchPage<Enterprise>>, ProblemHttpResult>> EnterprisesAsync(
        IQueryCollection query, Caller caller, EnterpriseRegistry registry, WorkflowStore store, CancellationToken ct)
    {
        var (search, problem) = SearchQuery.Parse(query, caller, certificates: false);
        if (search is null)
        {
            return problem!;
        }

        var matches = new List<Enterprise>();
        await foreach (var enterprise in registry.ListAsync(ct))
        {
            if (!search.Covers(enterprise.RegionCode) || !search.MatchesIndustry(enterprise.Industry) || !search.MatchesText(enterprise.Id, enterprise.Name)
                || (search.Grade is { } grade && enterprise.Grade != grade))
            {
                continue;
            }

            // A recorded grade counts only while its certificate is in force.
            matches.Add(search.Grade is null ? enterprise : await EnterpriseRecordsApi.CurrentAsync(enterprise, store, ct));
        }

        var found = matches.Where(e => search.Grade is null || e.Grade == search.Grade).OrderBy(e => e.RegionCode, StringComparer.Ordinal).ThenBy(e => e.Id, StringComparer.Ordinal).ToList();
        var page = search.PageOf(found);
        var items = new List<Enterprise>(page.Items.Count);
        foreach (var enterprise in page.Items)
        {
            items.Add(search.Grade is null ? await EnterpriseRecordsApi.CurrentAsync(enterprise, store, ct) : enterprise);
        }

        return TypedResults.Ok(page with { Items = items });
    }

    /// <summary>
    /// Reads every row of the certificate index (one per certificate); with <c>status</c>, the certificate partitions of
    /// the workflow projection (one key range); with <c>q</c>, every enterprise registration row, to match names; then, per
    /// certificate on the page, its status, issuing body and enterprise name.
    /// </summary>
    public static async Task<Results<Ok<SearchPage<CertificateSummary>>, ProblemHttpResult>> CertificatesAsync(
        IQueryCollection query, Caller caller, CertificateIndex index, CertificateSummaries summaries, EnterpriseRegistry registry, WorkflowStore store,
        IClock clock, CancellationToken ct)
    {
        var (search, problem) = SearchQuery.Parse(query, caller, certificates: true);
        if (search is null)
        {
            return problem!;
        }

        Dictionary<string, string>? statuses = null;
        if (search.Status is not null)
        {
            statuses = new Dictionary<string, string>(StringComparer.Ordinal);
            await foreach (var status in store.ListAsync(WorkflowKinds.Certificate, runningOnly: false, ct))
            {
                statuses[status.InstanceId] = status.Status;
            }
        }

        Dictionary<string, string>? names = null;
        if (search.Text is not null)
        {
            names = new Dictionary<string, string>(StringComparer.Ordinal);
            await foreach (var enterprise in registry.ListAsync(ct))
            {
                names[enterprise.Id] = enterprise.Name;
            }
        }

        var matches = new List<CertificateRecord>();
        await foreach (var record in index.ListAsync(ct))
        {
            if (!search.Covers(record.RegionCode) || !search.MatchesIndustry(record.Industry) || (search.Grade is { } grade && record.Grade != grade)
                || (search.ExpiringBefore is { } before && summaries.LastValidDay(record) >= before)
                || (statuses is not null && statuses.GetValueOrDefault(record.CertificateId, CertificateSummaries.Issuing) != search.Status)
                || (names is not null && !search.MatchesText(record.Number, record.EnterpriseId, names.GetValueOrDefault(record.EnterpriseId))))
            {
                continue;
            }

            matches.Add(record);
        }

        var found = matches.OrderBy(r => summaries.LastValidDay(r)).ThenBy(r => r.Number, StringComparer.Ordinal).ToList();
        var page = search.PageOf(found);
        var today = ApplicationApi.Today(clock);
        var items = new List<CertificateSummary>(page.Items.Count);
        foreach (var record in page.Items)
        {
            var status = statuses is not null ? statuses.GetValueOrDefault(record.CertificateId) : (await store.GetStatusAsync(WorkflowKinds.Certificate, record.CertificateId, ct))?.Status;
            var name = names is not null ? names.GetValueOrDefault(record.EnterpriseId) : (await registry.GetAsync(record.EnterpriseId, ct))?.Name;
            items.Add(await summaries.OfAsync(record, status, name, today, ct));
        }

        return TypedResults.Ok(new SearchPage<CertificateSummary>(items, page.Total, page.Page, page.PageSize));
    }
}
