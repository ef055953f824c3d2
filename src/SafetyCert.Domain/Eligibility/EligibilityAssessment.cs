using System.Collections.Immutable;

namespace SafetyCert.Domain.Eligibility;

/// <summary>Every condition an application was checked against, and the accidents its form must report.</summary>
public sealed record EligibilityAssessment(GradeApplication Application, ImmutableArray<ConditionResult> Conditions, AccidentReportPeriod AccidentReport)
{
    /// <summary>Every condition that does not hold, in the order checked.</summary>
    public ImmutableArray<ConditionResult> Failures => [.. Conditions.Where(c => !c.Passed)];

    /// <summary>Whether every condition holds.</summary>
    public bool IsEligible => Conditions.All(c => c.Passed);
}
