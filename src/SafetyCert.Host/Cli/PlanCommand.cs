using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using SafetyCert.Domain.Calendar;
using SafetyCert.Domain.Planning;
using SafetyCert.Domain.Profiles;
using SafetyCert.Domain.Serialization;
using SafetyCert.Domain.Workflows;

namespace SafetyCert.Host.Cli;

/// <summary><c>safetycert plan scenario.json [--format json|table]</c>: the whole lifecycle of a scenario, offline.</summary>
internal static class PlanCommand
{
    private static readonly JsonSerializerOptions Output = CreateOutputOptions();

    /// <summary>Runs <c>plan</c> with these arguments, as the executable would.</summary>
    public static int Run(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr) =>
        CommandLine.InvokeAsync(["plan", .. args], stdout, stderr).GetAwaiter().GetResult();

    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var scenario = new Argument<string>("scenario.json") { Description = "The scenario file to plan; - reads it from standard input." };
        var format = new Option<string>("--format") { Description = "json (the default) or table.", DefaultValueFactory = _ => "json" };
        format.AcceptOnlyFromAmong("json", "table");
        var table = new Option<bool>("--table") { Description = "Print the readable table; the same as --format table." };
        var command = new Command("plan", "Plan a lifecycle offline and print its timeline.") { scenario, format, table };
        command.SetAction(result => Plan(result.GetValue(scenario)!, result.GetValue(table) ? "table" : result.GetValue(format)!, stdout, stderr));
        return command;
    }

    private static int Plan(string path, string format, TextWriter stdout, TextWriter stderr)
    {
        string text;
        try
        {
            text = path == "-" ? Console.In.ReadToEnd() : File.ReadAllText(path, Encoding.UTF8);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"plan: cannot read {path}: {e.Message}");
            return 1;
        }

        Timeline timeline;
        try
        {
            var profiles = ProfileCatalog.Embedded;
            var scenario = ScenarioReader.Read(text, profiles);
            timeline = new LifecyclePlanner(WorkflowCatalog.Create(WorkingDayCalendar.China, profiles), profiles).Plan(scenario);
        }
        catch (ScenarioException e)
        {
            stderr.WriteLine($"plan: {path}: {e.Message}");
            return 1;
        }

        stdout.Write(format == "json" ? JsonSerializer.Serialize(timeline, Output) + "\n" : Table(timeline));
        return 0;
    }

    /// <summary>The timeline as aligned text: one line per entry.</summary>
    public static string Table(Timeline timeline)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"{timeline.Title}");
        text.AppendLine(CultureInfo.InvariantCulture, $"profile {timeline.ProfileId}, until {timeline.Until:yyyy-MM-dd}{(timeline.Provisional ? ", PROVISIONAL dates present" : string.Empty)}");
        text.AppendLine();
        foreach (var e in timeline.Entries)
        {
            var detail = e.Type switch
            {
                "event" => e.Event,
                "state" => $"{e.From} -> {e.To}",
                "deadline" => $"{e.Name} due {e.Due:yyyy-MM-dd}{(e.Provisional == true ? " (provisional)" : string.Empty)}  {e.Rule}",
                "notice" => $"{e.Kind} to {e.Recipient} [{e.Class}] re {e.Due:yyyy-MM-dd}  {e.Rule}",
                _ => $"{e.Event}: {e.Reason}",
            };
            text.AppendLine(CultureInfo.InvariantCulture, $"{e.Date:yyyy-MM-dd} {e.Time:HH:mm}  {e.Workflow + "/" + e.Instance,-28} {e.Type,-9} {detail}");
        }

        text.AppendLine();
        foreach (var instance in timeline.Instances)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"{instance.Workflow}/{instance.Instance}: {instance.Status}{(instance.IsFinal ? " (final)" : string.Empty)}");
        }

        return text.ToString();
    }

    private static JsonSerializerOptions CreateOutputOptions()
    {
        var options = DomainJson.CreateOptions();
        options.WriteIndented = true;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        // Chinese text stays readable in the output instead of \uXXXX escapes.
        options.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
        return options;
    }
}
