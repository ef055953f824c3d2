using NodaTime;

namespace SafetyCert.Domain.Workflows.Certificates;

/// <summary>
/// A production accident during validity. It bars a plain renewal [002 §2(3)] and, when
/// <see cref="Revocation.RevocationRules"/> says so, is a revocation ground (RULES.md §7(2), §7(3)).
/// </summary>
public sealed record AccidentReported(string AccidentId, LocalDate On, int Deaths, bool ConcealedOrLate) : WorkflowEvent;
