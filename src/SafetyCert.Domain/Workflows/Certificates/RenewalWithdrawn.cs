using NodaTime;

namespace SafetyCert.Domain.Workflows.Certificates;

/// <summary>The enterprise withdrew its renewal application; reminders still ahead resume while the certificate is valid.</summary>
public sealed record RenewalWithdrawn(string ApplicationId, LocalDate On) : WorkflowEvent;
