namespace SafetyCert.Functions.Notifications.Contacts;

/// <summary>
/// A party's choices: routine notice kinds it muted, and its language. <c>zh-CN</c> (the default) puts Chinese
/// first and English below; <c>en</c> puts English first. Mandatory notices ignore <see cref="MutedKinds"/>.
/// </summary>
internal sealed record ContactPreferences(IReadOnlySet<string> MutedKinds, string Language = ContactPreferences.Chinese)
{
    public const string Chinese = "zh-CN";
    public const string English = "en";

    public static ContactPreferences Default { get; } = new(new HashSet<string>(StringComparer.Ordinal));

    public bool EnglishFirst => string.Equals(Language, English, StringComparison.OrdinalIgnoreCase);
}
