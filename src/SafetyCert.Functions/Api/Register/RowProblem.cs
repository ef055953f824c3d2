namespace SafetyCert.Functions.Api.Register;

/// <summary>What is wrong with one cell of an imported file: its row as the spreadsheet numbers it (the header is row 1) and its column header.</summary>
internal sealed record RowProblem(int Row, string Column, string Reason);
