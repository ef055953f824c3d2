using NodaTime;
using SafetyCert.Domain.Eligibility;
using SafetyCert.Domain.Grading;
using SafetyCert.Domain.Workflows.Applications;

namespace SafetyCert.Functions.Api.Applications;

/// <summary>An application as the enterprise's list shows it: where it stands and what is due.</summary>
internal sealed record ApplicationSummary(
    string Id,
    ApplicationKind Kind,
    Grade Grade,
    ApplicationStatus Stage,
    LocalDate? SubmittedOn,
    string? ReviewOrganizationId,
    string? ReviewUnitId,
    string? CertificateId,
    IReadOnlyList<DeadlineView> Deadlines);

/// <summary>A deadline by its name (<c>kind</c>), last day and the regulation it comes from, cited by title and article in Chinese and English.</summary>
internal sealed record DeadlineView(string Kind, LocalDate DueOn, string Rule, string RuleEn, bool Provisional)
{
    public static DeadlineView Of(SafetyCert.Domain.Workflows.Deadline deadline, SafetyCert.Functions.Notifications.RuleCitation citations)
    {
        ArgumentNullException.ThrowIfNull(deadline);
        ArgumentNullException.ThrowIfNull(citations);
        var (chinese, english) = citations.Cite(deadline.Rule);
        return new DeadlineView(deadline.Name, deadline.Due, chinese, english, deadline.Provisional);
    }
}
