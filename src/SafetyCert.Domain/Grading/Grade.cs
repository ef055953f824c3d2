namespace SafetyCert.Domain.Grading;

/// <summary>The standardization grades (RULES.md §1): level 1 is the highest; small and micro firms form a fourth grade [001 art.4].</summary>
public enum Grade
{
    Level1 = 1,
    Level2 = 2,
    Level3 = 3,
    SmallMicro = 4,
}
