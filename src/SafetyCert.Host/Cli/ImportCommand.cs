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
    public const string Usage = """
        safetycert import <file.csv|file.xlsx> [--dry-run] [--hold-past-notices] [--url <host url>] [--token <bearer token>]
        """;

    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr, HttpMessageHandler? handler = null)
    {
        string? file = null;
        var url = "http://localhost:7071";
        var token = Environment.GetEnvironmentVariable("SAFETYCERT_TOKEN");
        var query = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "-h" or "--help":
                    stdout.WriteLine(Usage);
                    return 0;
                case "--dry-run":
                    query.Add("dryRun=true");
                    break;
                case "--hold-past-notices":
                    query.Add("holdPastNotices=true");
                    break;
                case "--url" when i + 1 < args.Count:
                    url = args[++i];
                    break;
                case "--token" when i + 1 < args.Count:
                    token = args[++i];
                    break;
                case var path when !path.StartsWith("--", StringComparison.Ordinal) && file is null:
                    file = path;
                    break;
                default:
                    stderr.WriteLine($"import: unexpected argument '{args[i]}'.\n{Usage}");
                    return 2;
            }
        }

        if (file is null || !File.Exists(file))
        {
            stderr.WriteLine(file is null ? $"import: which file?\n{Usage}" : $"import: {file} does not exist.");
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
