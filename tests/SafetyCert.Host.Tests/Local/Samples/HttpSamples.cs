using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace SafetyCert.Host.Tests.Local.Samples;

public sealed class HttpSamples(Recorder recorder)
{
    [Function("Hello")]
    public static IResult Hello([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "hello/{name}")] HttpRequest request, string name) =>
        Results.Ok(new { greeting = $"hello {name}", lang = request.Query["lang"].ToString() });

    [Function("GetItem")]
    public static async Task<IActionResult> GetItemAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "put", Route = "items/{id:int}/{part?}")] HttpRequest request, int id, string? part, CancellationToken cancellationToken)
    {
        await Task.Delay(1, cancellationToken);
        return id == 0 ? new NotFoundResult() : new OkObjectResult(new Item(id, part, request.Method));
    }

    [Function("Typed")]
    public static ValueTask<Results<Ok<Guid>, NotFound>> TypedAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "typed/{id}")] HttpRequest request, Guid id) =>
        ValueTask.FromResult<Results<Ok<Guid>, NotFound>>(id == Guid.Empty ? TypedResults.NotFound() : TypedResults.Ok(id));

    /// <summary>Default route (the function name), any method, no result; an instance method, so the class is created with its services.</summary>
    [Function("Ping")]
    public void Ping([HttpTrigger(AuthorizationLevel.Anonymous)] HttpRequest request) => recorder.Record("Ping", request.Method);

    [Function("Boom")]
    public static IResult Boom([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "boom")] HttpRequest request) =>
        throw new InvalidOperationException("boom");

    [Function("StartGreeting")]
    public static async Task<IResult> StartGreetingAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "greetings/{name}")] HttpRequest request, string name, [DurableClient] DurableTaskClient client) =>
        Results.Accepted(value: await client.ScheduleNewOrchestrationInstanceAsync("Greeting", new Person(name)));
}
