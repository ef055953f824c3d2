namespace SafetyCert.Domain.Workflows.Applications;

/// <summary>What an application asks for (RULES.md §3 [000 §3(4)], [001 art.18]).</summary>
public enum ApplicationKind
{
    /// <summary>A first grading (初评).</summary>
    Initial,

    /// <summary>A new certificate at the same grade before the old one expires (复评).</summary>
    Renewal,

    /// <summary>A certificate at a higher grade than the one held.</summary>
    Upgrade,
}
