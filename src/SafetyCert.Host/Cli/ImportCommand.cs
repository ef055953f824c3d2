using System.CommandLine;
using System.Net.Http.Headers;
using System.Text.Json;

namespace SafetyCert.Host.Cli;

/// <summary>
/// <c>safetycert import &lt;file.csv|file.xlsx&gt; [--dry-run] [--hold-past-notices] [--url http://localhost:7071] [--token t]</c>:
/// sends a ledger (certificates, or a sheet of review organizations or units) to a running host's <c>POST /api/register/import</c> (the same path as the console) and prints the
/// report, one line per bad row. The token comes from <c>--token</c> or <c>SAFETYCERT_TOKEN</c> (see <c>token</c>).
/// </summary>
internal static class ImportCommand
{
    /// <summary>Runs <c>import</c> with these arguments, as the executable would; <paramref name="handler"/> carries the HTTP calls.</summary>
    public static Task<int> RunAsync(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr, HttpMessageHandler? handler = null) =>
        CommandLine.InvokeAsync(["import", .. args], stdout, stderr, handler);

    public static Command Create(TextWriter stdout, TextWriter stderr, HttpMessageHandler? handler)
    {
        var file = new Argument<string>("file") { Description = "The ledger: a .csv or an .xlsx (certificates, review organizations or review units)." };
        var dryRun = new Option<bool>("--dry-run") { Description = "Check every row and report; write nothing." };
        var holdPastNotices = new Option<bool>("--hold-past-notices") { Description = "Send no notices whose date has already passed at import." };
        var url = new Option<string>("--url") { Description = "The running host.", DefaultValueFactory = _ => "http://localhost:7071" };
        var token = new Option<string?>("--token") { Description = "The bearer token to import as (default: the SAFETYCERT_TOKEN environment variable; see token)." };
        var command = new Command("import", "Import a regulator's ledger through a running host's API and print the report, one line per bad row.")
        {
            file, dryRun, holdPastNotices, url, token,
        };
        command.SetAction((result, cancellationToken) =>
        {
            var query = new List<string>();
            if (result.GetValue(dryRun))
            {
                query.Add("dryRun=true");
            }

            if (result.GetValue(holdPastNotices))
            {
                query.Add("holdPastNotices=true");
            }

            return ImportAsync(
                result.GetValue(file)!,
                result.GetValue(url)!,
                result.GetValue(token) ?? Environment.GetEnvironmentVariable("SAFETYCERT_TOKEN"),
                query,
                stdout,
                stderr,
                handler);
        });
        return command;
    }

    private static async Task<int> ImportAsync(string file, string url, string? token, List<string> query, TextWriter stdout, TextWriter stderr, HttpMessageHandler? handler)
    {
        if (!File.Exists(file))
        {
            stderr.WriteLine($"import: {file} does not exist.");
            return 2;
        }

        var mediaType = Path.GetExtension(file).ToUpperInvariant() switch
        {
            ".CSV" => "text/csv",
            ".XLSX" => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            _ => null,
        };
        if (mediaType is null)
        {
            stderr.WriteLine("import: the file is a .csv or an .xlsx.");
            return 2;
        }

        using var client = handler is null ? new HttpClient() : new HttpClient(handler, disposeHandler: false);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{url.TrimEnd('/')}/api/register/import{(query.Count > 0 ? "?" + string.Join('&', query) : "")}");
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        request.Content = new ByteArrayContent(await File.ReadAllBytesAsync(file));
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
        using var response = await client.SendAsync(request);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var report = body.RootElement.TryGetProperty("report", out var inner) ? inner : body.RootElement;
        if (!report.TryGetProperty("rows", out _))
        {
            stderr.WriteLine($"import: {(int)response.StatusCode} {body.RootElement.GetProperty("detail").GetString()}");
            return 1;
        }

        foreach (var problem in report.GetProperty("problems").EnumerateArray())
        {
            stdout.WriteLine($"row {problem.GetProperty("row").GetInt32()}, {problem.GetProperty("column").GetString()}: {problem.GetProperty("reason").GetString()}");
        }

        var written = response.IsSuccessStatusCode && !report.GetProperty("dryRun").GetBoolean();
        int Count(string name) => report.TryGetProperty(name, out var value) ? value.GetInt32() : 0;
        var counts = (report.TryGetProperty("sheet", out var sheet) ? sheet.GetString() : null) switch
        {
            "review-organizations" => $"organizations {Count("organizationsCreated")} new, {Count("organizationsChanged")} changed",
            "review-units" => $"units {Count("unitsCreated")} new, {Count("unitsChanged")} changed",
            _ => $"enterprises {Count("enterprisesCreated")} new, {Count("enterprisesChanged")} changed; certificates {Count("certificatesCreated")} new, {Count("certificatesChanged")} changed",
        };
        stdout.WriteLine(
            $"{Count("rows")} rows, {report.GetProperty("problems").GetArrayLength()} problems; {counts}; {Count("unchanged")} unchanged; "
            + (written ? "imported." : "nothing written."));
        return response.IsSuccessStatusCode ? 0 : 1;
    }
}
