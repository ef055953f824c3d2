namespace SafetyCert.Functions.Api.Register;

/// <summary>
/// What is wrong with one cell of an imported file: its row as the spreadsheet numbers it (the header is row 1), its
/// column header, and the reason in Chinese (for the regulators who read the report) and in English.
/// </summary>
internal sealed record RowProblem(int Row, string Column, string Reason, string ReasonEn);
