using Microsoft.AspNetCore.Http.HttpResults;
using SafetyCert.Functions.Api.Language;
using SafetyCert.Functions.Workflows;

namespace SafetyCert.Functions.Api;

/// <summary>
/// Every error the API answers with, as a ProblemDetails with a stable <c>type</c> per kind of error. Titles and field
/// errors are written in both languages (<see cref="ApiText"/>) and answered in the caller's (<see cref="ApiLanguages"/>).
/// </summary>
internal static class ApiProblems
{
    public const string TypeBase = "https://safetycert.example/problems/";

    private static readonly ApiText NotFoundTitle = new("未找到", "Not found");
    private static readonly ApiText ForbiddenTitle = new("当前用户无权执行此操作", "Not allowed for this caller");
    private static readonly ApiText ConflictTitle = new("与当前状态冲突", "Conflicts with the current state");
    private static readonly ApiText RejectedTitle = new("当前不允许执行此步骤", "The step is not allowed now");
    private static readonly ApiText InvalidTitle = new("请求内容有误", "The request is invalid");
    private static readonly ApiText MalformedTitle = new("请求无法读取", "The request could not be read");

    public static ProblemHttpResult NotFound(string what) =>
        Problem(StatusCodes.Status404NotFound, "not-found", NotFoundTitle, Untranslated($"{what} does not exist."));

    /// <summary>
    /// An id the caller may not see answers exactly as an id that does not exist: a 404 tells an outsider nothing about
    /// which enterprises, certificates or applications there are. A 403 is kept for a caller who sees the record but may not
    /// take the step.
    /// </summary>
    public static ProblemHttpResult Unseen(string what) => NotFound(what);

    public static ProblemHttpResult Forbidden(string detail) =>
        Problem(StatusCodes.Status403Forbidden, "forbidden", ForbiddenTitle, Untranslated(detail));

    public static ProblemHttpResult Conflict(string detail, IDictionary<string, object?>? extensions = null) =>
        Problem(StatusCodes.Status409Conflict, "conflict", ConflictTitle, Untranslated(detail), extensions);

    /// <summary>The workflow's decider refused the event; its reason is the detail, its state the <c>workflowStatus</c> member (<c>status</c> is the HTTP status).</summary>
    public static ProblemHttpResult Rejected(TransitionResult result) =>
        Problem(StatusCodes.Status409Conflict, "rejected", RejectedTitle, Untranslated(result.Reason ?? "The workflow rejected the event."),
            new Dictionary<string, object?> { ["workflowStatus"] = result.Status });

    public static ProblemHttpResult Invalid(string field, ApiText error) => Invalid([(field, error)]);

    /// <summary>One 400 naming every invalid field with all its errors.</summary>
    public static ProblemHttpResult Invalid(IEnumerable<(string Field, ApiText Error)> problems) =>
        Fields(StatusCodes.Status400BadRequest, "invalid", InvalidTitle,
            problems.GroupBy(p => p.Field, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Select(p => p.Error).ToArray(), StringComparer.Ordinal));

    /// <summary>A request that could not be read (malformed JSON, a wrong type, an impossible date, a query value that does not parse), naming the field.</summary>
    public static ProblemHttpResult Malformed(int status, string field, ApiText message) =>
        Fields(status, "malformed", MalformedTitle, new Dictionary<string, ApiText[]>(StringComparer.Ordinal) { [field] = [message] });

    public static ProblemHttpResult Unprocessable(string type, string title, string detail, IDictionary<string, object?> extensions) =>
        Problem(StatusCodes.Status422UnprocessableEntity, type, Untranslated(title), Untranslated(detail), extensions);

    public static ProblemHttpResult Problem(int status, string type, string title, string detail, IDictionary<string, object?>? extensions = null) =>
        Problem(status, type, Untranslated(title), Untranslated(detail), extensions);

    public static ProblemHttpResult Problem(int status, string type, ApiText title, ApiText detail, IDictionary<string, object?>? extensions = null)
    {
        var problem = new LocalizedProblemDetails(title) { Status = status, Type = TypeBase + type, DetailText = detail };
        Fill(problem, extensions);
        return TypedResults.Problem(problem);
    }

    private static ProblemHttpResult Fields(int status, string type, ApiText title, Dictionary<string, ApiText[]> errors)
    {
        var problem = new LocalizedProblemDetails(title) { Status = status, Type = TypeBase + type, FieldErrors = errors };
        Fill(problem, null);
        return TypedResults.Problem(problem);
    }

    private static void Fill(LocalizedProblemDetails problem, IDictionary<string, object?>? extensions)
    {
        // English until the problem is written in the caller's language.
        problem.Use(ApiLanguage.English, citation: null);
        foreach (var (key, value) in extensions ?? new Dictionary<string, object?>())
        {
            problem.Extensions[key] = value;
        }
    }

    // Details that name records and states in the workflows' own words are not yet written in Chinese.
    private static ApiText Untranslated(string text) => new(text, text);
}
