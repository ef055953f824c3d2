using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;
using SafetyCert.Domain.Calendar;
using SafetyCert.Domain.Serialization;
using SafetyCert.Domain.Workflows.Applications;
using SafetyCert.Functions.Access;
using SafetyCert.Functions.Api.Applications;
using SafetyCert.Functions.Api.Enterprises;

namespace SafetyCert.Functions.Api.ReviewBodies;

/// <summary>
/// The work lists of review bodies: an organization's queue (the applications under way that it handles, RULES.md §4)
/// and a unit's assignments (those drawn to it, RULES.md §4.2–§4.3), nearest deadline first.
/// </summary>
internal static class ReviewQueueApi
{
    public static async Task<Results<Ok<IReadOnlyList<ReviewQueueItem>>, ProblemHttpResult>> QueueAsync(
        string id, IQueryCollection query, Caller caller, ReviewBodyRegistry bodies, ApplicationViews applications, EnterpriseRegistry registry,
        WorkingDayCalendar calendar, IClock clock, CancellationToken ct)
    {
        var (organization, problem) = await ReviewBodyApi.FindVisibleOrganizationAsync(id, caller, bodies, ct);
        if (organization is null)
        {
            return problem!;
        }

        if (!TryStage(query, out var stage, out var invalid))
        {
            return invalid;
        }

        return TypedResults.Ok(await ListAsync(
            applications, registry, calendar, ApplicationApi.Today(clock), stage,
            state => organization.Handles(state.RegionCode, ApplicationApi.AnnouncingLevel(state)), ct));
    }

    public static async Task<Results<Ok<IReadOnlyList<ReviewQueueItem>>, ProblemHttpResult>> AssignmentsAsync(
        string unitId, IQueryCollection query, Caller caller, ReviewBodyRegistry bodies, ApplicationViews applications, EnterpriseRegistry registry,
        WorkingDayCalendar calendar, IClock clock, CancellationToken ct)
    {
        var (unit, problem) = await ReviewBodyApi.FindVisibleUnitAsync(unitId, caller, bodies, ct);
        if (unit is null)
        {
            return problem!;
        }

        if (!TryStage(query, out var stage, out var invalid))
        {
            return invalid;
        }

        return TypedResults.Ok(await ListAsync(applications, registry, calendar, ApplicationApi.Today(clock), stage, state => state.ReviewUnitId == unit.Id, ct));
    }

    private static async Task<IReadOnlyList<ReviewQueueItem>> ListAsync(
        ApplicationViews applications, EnterpriseRegistry registry, WorkingDayCalendar calendar, LocalDate today, ApplicationStatus? stage,
        Func<ApplicationState, bool> belongs, CancellationToken ct)
    {
        var names = new Dictionary<string, string?>(StringComparer.Ordinal);
        var items = new List<ReviewQueueItem>();
        await foreach (var state in applications.RunningAsync(ct))
        {
            if ((stage is { } wanted && state.Stage != wanted) || !belongs(state))
            {
                continue;
            }

            if (!names.TryGetValue(state.EnterpriseId, out var name))
            {
                name = (await registry.GetAsync(state.EnterpriseId, ct))?.Name;
                names[state.EnterpriseId] = name;
            }

            items.Add(Item(state, name, calendar, today));
        }

        return [.. items.OrderBy(i => i.DueOn is null).ThenBy(i => i.DueOn).ThenBy(i => i.ApplicationId, StringComparer.Ordinal)];
    }

    private static ReviewQueueItem Item(ApplicationState state, string? enterpriseName, WorkingDayCalendar calendar, LocalDate today)
    {
        var deadline = (state.Deadlines.IsDefault ? [] : state.Deadlines).OrderBy(d => d.Due).FirstOrDefault();
        CalendarAnswer<int>? left = deadline is null ? null : calendar.WorkingDaysBetween(today, deadline.Due);
        return new ReviewQueueItem(
            state.ApplicationId,
            state.EnterpriseId,
            enterpriseName,
            state.Grade,
            state.Kind,
            state.Stage,
            deadline?.Name,
            deadline?.Due,
            left?.Value,
            deadline is not null && deadline.Due < today,
            (deadline?.Provisional ?? false) || (left?.Provisional ?? false),
            state.RegionCode,
            state.ReviewUnitId);
    }

    /// <summary>The optional <c>stage</c> filter: a stage's name (<c>UnderReview</c>), else the 400 naming it.</summary>
    private static bool TryStage(IQueryCollection query, out ApplicationStatus? stage, out ProblemHttpResult invalid)
    {
        stage = null;
        invalid = null!;
        var text = ApiQuery.Text(query, "stage");
        if (string.IsNullOrEmpty(text))
        {
            return true;
        }

        if (EnumNames.TryParse<ApplicationStatus>(text, ignoreCase: false, out var parsed))
        {
            stage = parsed;
            return true;
        }

        invalid = ApiProblems.Invalid("stage", new(
            $"“{text}”不是办理阶段（{string.Join("、", Enum.GetNames<ApplicationStatus>())}）。",
            $"'{text}' is not a stage ({string.Join(", ", Enum.GetNames<ApplicationStatus>())})."));
        return false;
    }
}
