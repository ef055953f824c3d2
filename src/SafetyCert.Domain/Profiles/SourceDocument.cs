namespace SafetyCert.Domain.Profiles;

/// <summary>
/// A regulation a rule comes from, as a reader knows it: its title and, where it has one, its document number.
/// Rules cite it by <see cref="Id"/> (the seed file, e.g. <c>001</c> in <c>[001 art.17(1)]</c>).
/// </summary>
/// <param name="Id">The short id rules cite (<c>000</c>…<c>004</c>, <c>holidays</c>).</param>
/// <param name="Title">The official title, without book-title marks.</param>
/// <param name="Number">The document number (文号), e.g. <c>安监总管一〔2017〕33号</c>; null when it has none.</param>
/// <param name="Structure">
/// How its provisions are numbered: <c>articles</c> (第十七条), <c>sections</c> (一、… （四）…) or <c>none</c>.
/// </param>
public sealed record SourceDocument(string Id, string Title, string? Number, string Structure);
