using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using SafetyCert.Host.Functions;

namespace SafetyCert.Host.Triggers;

/// <summary>
/// The invocation endpoints the Azure Functions host calls when it runs the app as a custom handler:
/// <c>POST /{FunctionName}</c> for every timer and queue function, answering with an <see cref="InvocationResponse"/>.
/// </summary>
public static class CustomHandlerApi
{
    /// <summary>Set by the Functions host to the port it expects the custom handler on.</summary>
    public const string PortSetting = "FUNCTIONS_CUSTOMHANDLER_PORT";

    public static IEndpointRouteBuilder MapCustomHandlerApi(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var catalog = endpoints.ServiceProvider.GetRequiredService<FunctionCatalog>();
        var group = endpoints.MapGroup("").WithTags("Function invocations").ExcludeFromDescription();
        foreach (var timer in catalog.Timers)
        {
            group.MapPost($"/{timer.Name}", (HttpRequest request, ILoggerFactory logs, CancellationToken ct) =>
                InvokeAsync(timer.Name, request, logs, InvocationPayload.ReadTimer, (info, c) => timer.RunAsync(info, c), ct));
        }

        foreach (var queue in catalog.Queues)
        {
            group.MapPost($"/{queue.Name}", (HttpRequest request, ILoggerFactory logs, CancellationToken ct) =>
                InvokeAsync(queue.Name, request, logs, root => InvocationPayload.ReadQueueMessage(root, queue.QueueName), (message, c) => queue.RunAsync(message, c), ct));
        }

        return endpoints;
    }

    /// <summary>Reads the invocation, runs the function, and reports the outcome in the shape the host expects.</summary>
    public static async Task<Results<Ok<InvocationResponse>, JsonHttpResult<InvocationResponse>, ProblemHttpResult>> InvokeAsync<TInput>(
        string functionName,
        HttpRequest request,
        ILoggerFactory logs,
        Func<JsonElement, TInput> read,
        Func<TInput, CancellationToken, Task> run,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(logs);
        ArgumentNullException.ThrowIfNull(read);
        ArgumentNullException.ThrowIfNull(run);
        TInput input;
        try
        {
            using var document = await JsonDocument.ParseAsync(request.Body, cancellationToken: cancellationToken);
            input = read(document.RootElement);
        }
        catch (Exception e) when (e is JsonException or FormatException)
        {
            return TypedResults.Problem(
                title: "Malformed invocation",
                detail: $"The invocation of '{functionName}' could not be read: {e.Message}",
                statusCode: StatusCodes.Status400BadRequest);
        }

        var logger = logs.CreateLogger(typeof(CustomHandlerApi));
        try
        {
            await run(input, cancellationToken);
            return TypedResults.Ok(InvocationResponse.Completed);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The host retries or poisons the message on a failed invocation, so the failure must reach it as a 500.
            CustomHandlerLog.InvocationFailed(logger, functionName, e);
            return TypedResults.Json(
                InvocationResponse.Failed($"{functionName} failed: {e.GetType().Name}: {e.Message}"),
                statusCode: StatusCodes.Status500InternalServerError);
        }
    }
}
