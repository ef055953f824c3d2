using NodaTime;
using SafetyCert.Domain.Eligibility;
using SafetyCert.Domain.Grading;
using SafetyCert.Domain.Workflows.Applications;

namespace SafetyCert.Functions.Api.ReviewBodies;

/// <summary>
/// An application in a review organization's queue or a review unit's assignments, with its nearest deadline and the
/// working days left until it (China's working-day calendar; negative once past, <c>provisional</c> when the count runs
/// into a year whose holiday arrangement is not loaded).
/// </summary>
internal sealed record ReviewQueueItem(
    string ApplicationId,
    string EnterpriseId,
    string? EnterpriseName,
    Grade Grade,
    ApplicationKind Kind,
    ApplicationStatus Stage,
    string? DeadlineKind,
    LocalDate? DueOn,
    int? WorkingDaysLeft,
    bool Overdue,
    bool Provisional,
    string RegionCode,
    string? ReviewUnitId);
