using System.Globalization;
using CsvHelper;
using MiniExcelLibs;

namespace SafetyCert.Functions.Api.Register;

/// <summary>The cells of an imported .csv or .xlsx file by column header, with the row numbers a spreadsheet shows (header = row 1).</summary>
internal sealed record RegisterFile(IReadOnlyList<string> Headers, IReadOnlyList<(int Row, IReadOnlyDictionary<string, string> Cells)> Rows)
{
    public const string CsvMediaType = "text/csv";
    public const string XlsxMediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static RegisterFile ReadCsv(Stream stream)
    {
        using var text = new StreamReader(stream, detectEncodingFromByteOrderMarks: true);
        using var data = new CsvDataReader(CsvReader.Create(text, new CsvReaderOptions(), leaveOpen: true), leaveOpen: false);
        var headers = Enumerable.Range(0, data.FieldCount).Select(i => data.GetName(i).Trim()).ToList();
        var rows = new List<(int, IReadOnlyDictionary<string, string>)>();
        var row = 1;
        while (data.Read())
        {
            row++;
            var cells = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 0; i < headers.Count; i++)
            {
                cells[headers[i]] = i < data.FieldCount && !data.IsDBNull(i) ? data.GetString(i).Trim() : "";
            }

            if (cells.Values.Any(v => v.Length > 0))
            {
                rows.Add((row, cells));
            }
        }

        return new RegisterFile(headers, rows);
    }

    public static RegisterFile ReadXlsx(Stream stream)
    {
        var rows = new List<(int, IReadOnlyDictionary<string, string>)>();
        IReadOnlyList<string> headers = [];
        var row = 1;
        foreach (IDictionary<string, object?> record in MiniExcel.Query(stream, useHeaderRow: true, excelType: ExcelType.XLSX))
        {
            row++;
            if (headers.Count == 0)
            {
                headers = [.. record.Keys];
            }

            var cells = record.ToDictionary(c => c.Key.Trim(), c => Text(c.Value), StringComparer.Ordinal);
            if (cells.Values.Any(v => v.Length > 0))
            {
                rows.Add((row, cells));
            }
        }

        if (headers.Count == 0)
        {
            stream.Position = 0;
            headers = [.. MiniExcel.GetColumns(stream, useHeaderRow: true, excelType: ExcelType.XLSX)];
        }

        return new RegisterFile([.. headers.Select(h => h.Trim())], rows);
    }

    // A date cell arrives as a DateTime, a number cell as a double; the check reads text as written.
    private static string Text(object? value) => value switch
    {
        null => "",
        DateTime date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        double number => number.ToString(CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture)?.Trim() ?? "",
    };
}
