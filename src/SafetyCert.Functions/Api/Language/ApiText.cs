namespace SafetyCert.Functions.Api.Language;

/// <summary>
/// One thing the API says to a person, in Chinese and in English, written together where the message is made so the
/// two never drift apart. <paramref name="Rule"/> names the regulation it rests on in the rulebook's shorthand
/// (<c>001 art.7</c>); a caller reads it as the regulation's title and article (<see cref="Notifications.RuleCitation"/>),
/// never as the shorthand.
/// </summary>
internal sealed record ApiText(string Chinese, string English, string? Rule = null)
{
    /// <summary>The message in <paramref name="language"/>, its rule cited through <paramref name="citation"/>.</summary>
    public string In(ApiLanguage language, Notifications.RuleCitation? citation)
    {
        var text = language == ApiLanguage.Chinese ? Chinese : English;
        if (Rule is null || citation is null)
        {
            return text;
        }

        var (zh, en) = citation.Cite(Rule);
        return language == ApiLanguage.Chinese ? $"{text}（依据{zh}）" : $"{text} ({en})";
    }

    public override string ToString() => English;
}
