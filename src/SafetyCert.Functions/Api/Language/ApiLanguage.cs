namespace SafetyCert.Functions.Api.Language;

/// <summary>The languages the API answers in.</summary>
internal enum ApiLanguage
{
    English,
    Chinese,
}
