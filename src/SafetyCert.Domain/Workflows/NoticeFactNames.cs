namespace SafetyCert.Domain.Workflows;

/// <summary>
/// The names of the <see cref="Notify.Facts"/> that say who a notice is about and so who receives it:
/// the notification system finds the recipient's contacts from these, and templates show them.
/// </summary>
public static class NoticeFactNames
{
    /// <summary>The enterprise the notice is about; finds an <see cref="Party.Enterprise"/> recipient.</summary>
    public const string EnterpriseId = "enterpriseId";

    /// <summary>The enterprise's name, when the workflow knows it; shown, never used to route.</summary>
    public const string EnterpriseName = "enterpriseName";

    /// <summary>A named review organization; without it the organization of the region tier for the grade receives the notice.</summary>
    public const string ReviewOrganizationId = "reviewOrganizationId";

    /// <summary>The review unit; finds a <see cref="Party.ReviewUnit"/> recipient.</summary>
    public const string ReviewUnitId = "reviewUnitId";

    /// <summary>The enterprise's (or review unit's) six-digit GB/T 2260 region code.</summary>
    public const string RegionCode = "regionCode";

    /// <summary>An explicit regulator level (<c>National</c>, <c>Provincial</c>, <c>Municipal</c>); overrides the one that follows from the grade.</summary>
    public const string RegulatorLevel = "regulatorLevel";

    /// <summary>The <see cref="Grading.Grade"/> by name; picks the regulator and organization tier (RULES.md §1 [000 §1(4)], [001 art.5]).</summary>
    public const string Grade = "grade";

    /// <summary>The certificate number, shown in the subject of certificate notices.</summary>
    public const string CertificateNumber = "certificateNumber";

    /// <summary>
    /// The last day a party may act, as the workflow computed it (ISO date). A notice that speaks of a deadline
    /// states this fact, never the date the reminder goes out.
    /// </summary>
    public const string Deadline = "deadline";

    /// <summary>The last day a certificate or accreditation is valid (ISO date), as the workflow holds it.</summary>
    public const string LastValidDay = "lastValidDay";

    /// <summary>The first day a certificate or accreditation is no longer valid (ISO date): the day after the last valid day.</summary>
    public const string ExpiredFrom = "expiredFrom";
}
