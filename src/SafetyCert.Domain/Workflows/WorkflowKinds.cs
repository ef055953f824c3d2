namespace SafetyCert.Domain.Workflows;

/// <summary>The workflow kinds; each instance id is unique within its kind.</summary>
public static class WorkflowKinds
{
    public const string Application = "application";
    public const string Certificate = "certificate";
    public const string Revocation = "revocation";
    public const string SelfAssessment = "self-assessment";
    public const string Remediation = "remediation";
    public const string Accreditation = "accreditation";
}
