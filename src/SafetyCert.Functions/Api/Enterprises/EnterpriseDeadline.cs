using NodaTime;

namespace SafetyCert.Functions.Api.Enterprises;

/// <summary>
/// A running deadline of one of the enterprise's workflows, as the <c>.ics</c> feed carries it, with its Chinese title and the
/// regulation it comes from by title and article (<c>rule</c> in Chinese, <c>ruleEn</c> in English).
/// </summary>
internal sealed record EnterpriseDeadline(string Kind, string Title, LocalDate DueOn, string Rule, string RuleEn, string WorkflowKind, string WorkflowId, bool Overdue, bool Provisional);
