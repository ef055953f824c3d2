namespace SafetyCert.Domain.Grading;

/// <summary>Which tier of regulator accepts, announces and issues a grade (RULES.md §1 [000 §1(4)], [001 art.5]).</summary>
public enum RegulatorLevel
{
    National,
    Provincial,
    Municipal,
}
