using System.Collections.Immutable;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;
using SafetyCert.Domain.Time;
using SafetyCert.Domain.Workflows;
using SafetyCert.Functions.Storage;
using SafetyCert.Functions.Workflows;
using SafetyCert.Functions.Access;
using SafetyCert.Functions.Api.Certificates;
using SafetyCert.Functions.Notifications;
using SafetyCert.Functions.Notifications.Contacts;
using SafetyCert.Functions.Notifications.Ledger;

namespace SafetyCert.Functions.Api.Enterprises;

/// <summary>Enterprises: registration, licence, consulting provider, contacts, deadlines feed, delivery status.</summary>
internal static class EnterpriseApi
{
    /// <summary>Regulators register the enterprises of their region; an administrator any. Enterprises do not register themselves.</summary>
    public static async Task<Results<Created<Enterprise>, ProblemHttpResult>> RegisterAsync(
        RegisterEnterpriseRequest request, Caller caller, EnterpriseRegistry registry, IClock clock, CancellationToken ct)
    {
        if (caller.Role is not (Party.Regulator or Party.Administrator) || !caller.CoversRegion(request.RegionCode))
        {
            return ApiProblems.Forbidden($"Only a regulator covering region {request.RegionCode}, or an administrator, registers its enterprises.");
        }

        var enterprise = new Enterprise(request.Code, request.Name.Trim(), request.RegionCode, request.Industry, request.LicenceRequired,
            request.LicenceValidUntil, request.ConsultingProvider, RegisteredOn: ShanghaiTime.DateOf(clock.GetCurrentInstant()));
        try
        {
            await registry.AddAsync(enterprise, ct);
        }
        catch (StorageConflictException)
        {
            return ApiProblems.Conflict($"Enterprise {request.Code} is already registered.");
        }

        return TypedResults.Created($"/api/enterprises/{enterprise.Id}", enterprise);
    }

    public static async Task<Results<Ok<Enterprise>, ProblemHttpResult>> GetAsync(string id, Caller caller, EnterpriseRegistry registry, WorkflowStore store, CancellationToken ct)
    {
        var (enterprise, problem) = await FindVisibleAsync(id, caller, registry, ct);
        return enterprise is null ? problem! : TypedResults.Ok(await EnterpriseRecordsApi.CurrentAsync(enterprise, store, ct));
    }

    public static async Task<Results<Ok<Enterprise>, ProblemHttpResult>> SetLicenceAsync(
        string id, LicenceRequest request, Caller caller, EnterpriseRegistry registry, CancellationToken ct)
    {
        var (enterprise, problem) = await FindVisibleAsync(id, caller, registry, ct);
        if (enterprise is null)
        {
            return problem!;
        }

        if (caller.Role is not (Party.Enterprise or Party.Regulator or Party.Administrator))
        {
            return ApiProblems.Forbidden("The enterprise, its regulator or an administrator records the licence.");
        }

        var changed = await registry.ChangeAsync(id, e => e with { LicenceRequired = request.LicenceRequired, LicenceValidUntil = request.ValidUntil }, ct);
        return TypedResults.Ok(changed!);
    }

    public static async Task<Results<Ok<Enterprise>, ProblemHttpResult>> SetConsultingProviderAsync(
        string id, ConsultingProviderRequest request, Caller caller, EnterpriseRegistry registry, CancellationToken ct)
    {
        var (enterprise, problem) = await FindVisibleAsync(id, caller, registry, ct);
        if (enterprise is null)
        {
            return problem!;
        }

        if (caller.Role is not (Party.Enterprise or Party.Regulator or Party.Administrator))
        {
            return ApiProblems.Forbidden("The enterprise, its regulator or an administrator records the consulting provider.");
        }

        var changed = await registry.ChangeAsync(id, e => e with { ConsultingProvider = string.IsNullOrWhiteSpace(request.Provider) ? null : request.Provider.Trim() }, ct);
        return TypedResults.Ok(changed!);
    }

    public static async Task<Results<Ok<IReadOnlyList<ContactView>>, ProblemHttpResult>> GetContactsAsync(
        string id, Caller caller, EnterpriseRegistry registry, ContactBook contacts, CancellationToken ct)
    {
        var (enterprise, problem) = await FindVisibleAsync(id, caller, registry, ct);
        if (enterprise is null)
        {
            return problem!;
        }

        return await Contacts.ContactsApi.ListAsync(Scope(id), contacts, ct);
    }

    public static async Task<Results<Ok<ContactView>, ProblemHttpResult>> SaveContactAsync(
        string id, ContactRequest request, Caller caller, EnterpriseRegistry registry, ContactBook contacts, CancellationToken ct)
    {
        var (enterprise, problem) = await FindVisibleAsync(id, caller, registry, ct);
        if (enterprise is null)
        {
            return problem!;
        }

        if (caller.Role is not (Party.Enterprise or Party.Administrator))
        {
            return ApiProblems.Forbidden("An enterprise keeps its own contacts.");
        }

        return await Contacts.ContactsApi.SaveAsync(Scope(id), request, contacts, ct);
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> RemoveContactAsync(
        string id, string contactId, Caller caller, EnterpriseRegistry registry, ContactBook contacts, CancellationToken ct)
    {
        var (enterprise, problem) = await FindVisibleAsync(id, caller, registry, ct);
        if (enterprise is null)
        {
            return problem!;
        }

        if (caller.Role is not (Party.Enterprise or Party.Administrator))
        {
            return ApiProblems.Forbidden("An enterprise keeps its own contacts.");
        }

        return await Contacts.ContactsApi.RemoveAsync(Scope(id), contactId, contacts, ct);
    }

    /// <summary>
    /// Every running deadline of the enterprise's workflows as an all-day event (VALUE=DATE, no time zone needed): a Chinese
    /// summary naming what is due and the certificate it concerns, the regulation it comes from by title and article, and
    /// an alarm at each reminder the workflow has set for it, as the time before the day's start in Beijing. The UID is the workflow, instance and deadline, so it
    /// stays the same across fetches while the deadline runs.
    /// </summary>
    public static async Task<Results<ContentHttpResult, ProblemHttpResult>> DeadlinesAsync(
        string id, Caller caller, EnterpriseRegistry registry, WorkflowClient workflows, CertificateIndex certificates, RuleCitation citations,
        IClock clock, CancellationToken ct)
    {
        var (enterprise, problem) = await FindVisibleAsync(id, caller, registry, ct);
        if (enterprise is null)
        {
            return problem!;
        }

        var calendar = new Calendar { ProductId = "-//SafetyCert//Deadlines//ZH" };
        calendar.AddProperty("X-WR-CALNAME", $"{enterprise.Name}安全生产标准化期限");
        var stamp = new CalDateTime(clock.GetCurrentInstant().ToDateTimeUtc(), CalDateTime.UtcTzId);
        foreach (var (kind, instanceId, deadline, timers) in await RunningDeadlinesAsync(id, registry, workflows, ct))
        {
            var number = kind == WorkflowKinds.Certificate ? (await certificates.GetAsync(instanceId, ct))?.Number : null;
            var title = DeadlineTitles.Of(deadline.Name);
            var what = number is null ? title : $"{title}（证书编号{number}）";
            var due = NoticeRenderer.ChineseDate(deadline.Due);
            var (citation, _) = citations.Cite(deadline.Rule);
            var happening = new CalendarEvent
            {
                Uid = $"{kind}.{instanceId}.{deadline.Name}@safetycert",
                Summary = $"{what}：{due}{(deadline.Provisional ? "（暂定）" : "")}",
                Description = $"{enterprise.Name}：{what}，截止日期{due}。依据：{citation}。",
                DtStamp = stamp,
                DtStart = new CalDateTime(deadline.Due.Year, deadline.Due.Month, deadline.Due.Day),
                DtEnd = new CalDateTime(deadline.Due.PlusDays(1).Year, deadline.Due.PlusDays(1).Month, deadline.Due.PlusDays(1).Day),
            };
            foreach (var timer in timers.Where(t => DeadlineReminders.Reminds(kind, deadline.Name, t.Id)).OrderBy(t => t.DueAt))
            {
                happening.Alarms.Add(new Alarm
                {
                    Action = AlarmAction.Display,
                    Description = $"提醒：{what}，截止日期{due}。",
                    Trigger = new Trigger(Before(deadline.Due, timer.DueAt)),
                });
            }

            calendar.Events.Add(happening);
        }

        return TypedResults.Text(new CalendarSerializer().SerializeToString(calendar) ?? "", "text/calendar; charset=utf-8");
    }

    /// <summary>
    /// An alarm's trigger relative to the all-day event's start (RFC 5545 §3.8.6.3): the reminder's instant less the due
    /// day's start in Beijing, e.g. <c>-P89DT15H</c>. (Ical.Net 5.2 writes an absolute trigger empty, so none is used.)
    /// </summary>
    internal static string Before(LocalDate due, Instant reminder)
    {
        var offset = reminder - ShanghaiTime.Zone.AtStartOfDay(due).ToInstant();
        var sign = offset < NodaTime.Duration.Zero ? "-" : "";
        var span = offset < NodaTime.Duration.Zero ? -offset : offset;
        var time = span.Hours > 0 || span.Minutes > 0 ? $"T{span.Hours}H{span.Minutes}M" : "";
        return span.Days > 0 || time.Length == 0 ? $"{sign}P{span.Days}D{time}" : $"{sign}P{time}";
    }

    public static async Task<Results<Ok<IReadOnlyList<DeliveryView>>, ProblemHttpResult>> DeliveriesAsync(
        string id, Caller caller, EnterpriseRegistry registry, DeliveryStatusQuery deliveries, CancellationToken ct)
    {
        var (enterprise, problem) = await FindVisibleAsync(id, caller, registry, ct);
        return enterprise is null ? problem! : TypedResults.Ok(await deliveries.ForEnterpriseAsync(id, ct));
    }

    /// <summary>The running deadlines of every workflow instance linked to the enterprise, remediations included.</summary>
    internal static async Task<IReadOnlyList<(string Kind, string InstanceId, Deadline Deadline, ImmutableArray<ScheduledTimer> Timers)>> RunningDeadlinesAsync(
        string enterpriseId, EnterpriseRegistry registry, WorkflowClient workflows, CancellationToken ct)
    {
        var (_, _, instances) = await registry.HistoryAsync(enterpriseId, ct);
        var result = new List<(string, string, Deadline, ImmutableArray<ScheduledTimer>)>();
        foreach (var (kind, instanceId) in instances)
        {
            if (await workflows.GetStatusAsync(kind, instanceId, ct) is { IsFinal: false } status)
            {
                result.AddRange(status.Deadlines.Select(d => (kind, instanceId, d, status.PendingTimers)));
            }
        }

        return result;
    }

    /// <summary>The enterprise if it exists and the caller may see it; otherwise the 404 or 403 to answer.</summary>
    internal static async Task<(Enterprise? Enterprise, ProblemHttpResult? Problem)> FindVisibleAsync(string id, Caller caller, EnterpriseRegistry registry, CancellationToken ct)
    {
        if (id.Length is 0 or > TableKey.MaxPartLength)
        {
            return (null, ApiProblems.NotFound($"Enterprise '{id}'"));
        }

        var enterprise = await registry.GetAsync(id, ct);
        if (enterprise is null)
        {
            return (null, ApiProblems.NotFound($"Enterprise '{id}'"));
        }

        return caller.MaySee(enterprise.Id, enterprise.RegionCode)
            ? (enterprise, null)
            : (null, ApiProblems.Unseen($"Enterprise '{id}'"));
    }

    private static string Scope(string enterpriseId) => $"enterprise:{enterpriseId}";
}
