using NodaTime;

namespace SafetyCert.Domain.Workflows.Certificates;

/// <summary>The renewal application failed; reminders still ahead resume while the certificate is valid.</summary>
public sealed record RenewalFailed(string ApplicationId, LocalDate On) : WorkflowEvent;
