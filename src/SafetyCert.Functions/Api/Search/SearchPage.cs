namespace SafetyCert.Functions.Api.Search;

/// <summary>One page of a search: its items, how many matched in all, and the page asked for.</summary>
internal sealed record SearchPage<T>(IReadOnlyList<T> Items, int Total, int Page, int PageSize);
