using Microsoft.AspNetCore.Http.HttpResults;
using SafetyCert.Functions.Workflows;

namespace SafetyCert.Functions.Api;

/// <summary>Every error the API answers with, as a ProblemDetails with a stable <c>type</c> per kind of error.</summary>
internal static class ApiProblems
{
    public const string TypeBase = "https://safetycert.example/problems/";

    public static ProblemHttpResult NotFound(string what) =>
        Problem(StatusCodes.Status404NotFound, "not-found", "Not found", $"{what} does not exist.");

    /// <summary>
    /// An id the caller may not see answers exactly as an id that does not exist: a 404 tells an outsider nothing about
    /// which enterprises, certificates or applications there are. A 403 is kept for a caller who sees the record but may not
    /// take the step.
    /// </summary>
    public static ProblemHttpResult Unseen(string what) => NotFound(what);

    public static ProblemHttpResult Forbidden(string detail) =>
        Problem(StatusCodes.Status403Forbidden, "forbidden", "Not allowed for this caller", detail);

    public static ProblemHttpResult Conflict(string detail, IDictionary<string, object?>? extensions = null) =>
        Problem(StatusCodes.Status409Conflict, "conflict", "Conflicts with the current state", detail, extensions);

    /// <summary>The workflow's decider refused the event; its reason is the detail, its state the <c>workflowStatus</c> member (<c>status</c> is the HTTP status).</summary>
    public static ProblemHttpResult Rejected(TransitionResult result) =>
        Problem(StatusCodes.Status409Conflict, "rejected", "The step is not allowed now", result.Reason ?? "The workflow rejected the event.",
            new Dictionary<string, object?> { ["workflowStatus"] = result.Status });

    public static ProblemHttpResult Invalid(string field, string error) => Invalid(new Dictionary<string, string[]> { [field] = [error] });

    /// <summary>One 400 naming every invalid field with all its errors.</summary>
    public static ProblemHttpResult Invalid(IEnumerable<(string Field, string Error)> problems) =>
        Invalid(problems.GroupBy(p => p.Field, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Select(p => p.Error).ToArray(), StringComparer.Ordinal));

    public static ProblemHttpResult Invalid(IDictionary<string, string[]> errors) =>
        Problem(StatusCodes.Status400BadRequest, "invalid", "The request is invalid",
            string.Join(" ", errors.SelectMany(e => e.Value.Select(v => $"{e.Key}: {v}"))),
            new Dictionary<string, object?> { ["errors"] = errors });

    /// <summary>A request that could not be read (malformed JSON, a wrong type, an impossible date, a query value that does not parse), naming the field.</summary>
    public static ProblemHttpResult Malformed(int status, string field, string message) =>
        Problem(status, "malformed", "The request could not be read", $"{field}: {message}",
            new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { [field] = [message] } });

    public static ProblemHttpResult Unprocessable(string type, string title, string detail, IDictionary<string, object?> extensions) =>
        Problem(StatusCodes.Status422UnprocessableEntity, type, title, detail, extensions);

    public static ProblemHttpResult Problem(int status, string type, string title, string detail, IDictionary<string, object?>? extensions = null) =>
        TypedResults.Problem(detail, statusCode: status, title: title, type: TypeBase + type, extensions: extensions);
}
