using SafetyCert.Functions.Notifications;
using SafetyCert.Domain.Workflows;
using SafetyCert.Domain.Workflows.Applications;
using SafetyCert.Functions.Api.ReviewBodies;
using SafetyCert.Functions.Workflows;

namespace SafetyCert.Functions.Api.Applications;

/// <summary>Applications read from the workflow projection, and the organization that handles each.</summary>
internal sealed class ApplicationViews(WorkflowStore store, WorkflowSet workflows)
{
    /// <summary>The application's state, or null when no such application was started.</summary>
    public async Task<ApplicationState?> GetAsync(string applicationId, CancellationToken ct) =>
        await store.GetStatusAsync(WorkflowKinds.Application, applicationId, ct).ConfigureAwait(false) is { } status ? Read(status) : null;

    /// <summary>
    /// Every application still under way. Reads the application partitions of the projection table (one key range, every
    /// application ever started, finished ones filtered out by the service): Table storage has no index by region or unit.
    /// </summary>
    public async IAsyncEnumerable<ApplicationState> RunningAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var status in store.ListAsync(WorkflowKinds.Application, runningOnly: true, ct).ConfigureAwait(false))
        {
            yield return Read(status);
        }
    }

    /// <summary>The organization among <paramref name="organizations"/> that handles the application, if one is registered.</summary>
    public static ReviewOrganization? HandlerOf(ApplicationState state, IEnumerable<ReviewOrganization> organizations)
    {
        ArgumentNullException.ThrowIfNull(state);
        var level = ApplicationApi.AnnouncingLevel(state);
        return organizations.OrderBy(o => o.Id, StringComparer.Ordinal).FirstOrDefault(o => o.Handles(state.RegionCode, level));
    }

    public static ApplicationSummary Summary(ApplicationState state, IEnumerable<ReviewOrganization> organizations, RuleCitation citations)
    {
        ArgumentNullException.ThrowIfNull(state);
        return new ApplicationSummary(
            state.ApplicationId,
            state.Kind,
            state.Grade,
            state.Stage,
            state.ReceivedOn,
            HandlerOf(state, organizations)?.Id,
            state.ReviewUnitId,
            state.CertificateId,
            [.. (state.Deadlines.IsDefault ? [] : state.Deadlines).Select(d => DeadlineView.Of(d, citations))]);
    }

    private ApplicationState Read(WorkflowInstanceStatus status) => (ApplicationState)workflows.ReadState(WorkflowKinds.Application, status.StateJson);
}
