using NodaTime;

namespace SafetyCert.Functions.Api.Ledger;

/// <summary>A running deadline of an enterprise's workflow instance that has already passed.</summary>
internal sealed record OverdueDeadline(string EnterpriseId, string RegionCode, string Kind, string InstanceId, string Deadline, string Title, LocalDate Due, string Rule, string RuleEn);
