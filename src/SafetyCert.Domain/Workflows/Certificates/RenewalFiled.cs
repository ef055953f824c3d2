using NodaTime;

namespace SafetyCert.Domain.Workflows.Certificates;

/// <summary>A renewal application was filed during validity; renewal reminders stop (RULES.md §6 [000 §3(4)]).</summary>
public sealed record RenewalFiled(string ApplicationId, LocalDate On) : WorkflowEvent;
