namespace SafetyCert.Domain.Workflows;

/// <summary>The parties of RULES.md §1, as callers and as recipients of notices.</summary>
public enum Party
{
    Enterprise,
    ReviewOrganization,
    ReviewUnit,
    Regulator,
    Administrator,
}
