using System.Collections.Immutable;
using NodaTime;
using SafetyCert.Domain.Grading;
using SafetyCert.Domain.Sampling;

namespace SafetyCert.Functions.Api.ReviewBodies;

/// <summary>A review unit (评审单位) under an organization: what it may review, its consulting, its accreditation (RULES.md §4.2, §8).</summary>
internal sealed record ReviewUnit(
    string Id,
    string OrganizationId,
    string Name,
    ImmutableArray<Grade> ApprovedGrades,
    ImmutableArray<string> Industries,
    LocalDate AccreditedThrough,
    ImmutableArray<ConsultingEngagement> Consulting)
{
    public ReviewUnitCandidate AsCandidate() => new(Id, Name, ApprovedGrades, Industries, AccreditedThrough, Consulting);
}
