namespace SafetyCert.Domain.Workflows;

/// <summary>How a notice may be delivered.</summary>
public enum NoticeClass
{
    /// <summary>Required by the rules: cannot be muted and goes out as soon as it is due.</summary>
    Mandatory,

    /// <summary>A reminder the party may mute in its preferences.</summary>
    Routine,

    /// <summary>Not urgent: held for working hours, Beijing time.</summary>
    Informational,
}
