using NodaTime;
using SafetyCert.Domain.Grading;

namespace SafetyCert.Domain.Eligibility;

/// <summary>What an enterprise applies for, and when.</summary>
public sealed record GradeApplication(ApplicationKind Kind, Grade RequestedGrade, LocalDate AppliedOn);
