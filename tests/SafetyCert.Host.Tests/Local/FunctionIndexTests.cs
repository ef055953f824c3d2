using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;
using SafetyCert.Host.Local;
using SafetyCert.Host.Tests.Local.Samples;

namespace SafetyCert.Host.Tests.Local;

public sealed class FunctionIndexTests
{
    [Fact]
    public void Finds_every_function_of_the_app_by_its_trigger()
    {
        var index = new FunctionIndex(SampleApp.Instance);

        Assert.Equal(
            [
                ("Boom", FunctionKind.Http), ("EveryMinute", FunctionKind.Timer), ("GetItem", FunctionKind.Http), ("Greeting", FunctionKind.Orchestration),
                ("GreetingWithInput", FunctionKind.Orchestration), ("Hello", FunctionKind.Http), ("Ping", FunctionKind.Http), ("SayHello", FunctionKind.Activity),
                ("StartGreeting", FunctionKind.Http), ("Typed", FunctionKind.Http), ("Work", FunctionKind.Queue),
            ],
            index.Functions.Select(f => (f.Name, f.Kind)));
    }

    // Each class alone, through the index's internal constructor: the test assembly as a whole holds them all.
    [Theory]
    [InlineData(typeof(TakesFunctionContext), "'context'", "FunctionContext is not supported")]
    [InlineData(typeof(UnknownRouteValue), "'id'", "not a parameter of the route 'things/{name}'")]
    [InlineData(typeof(FunctionKey), "'request'", "only Anonymous runs locally")]
    [InlineData(typeof(HttpRequestDataTrigger), "'request'", "binds to HttpRequest locally")]
    [InlineData(typeof(PocoResult), "PocoResult", "returns IResult or IActionResult")]
    [InlineData(typeof(OutputBinding), "OutputBinding", "output bindings")]
    [InlineData(typeof(TimeSpanSchedule), "TimeSpanSchedule", "TimeSpan schedules run on App Service plans only")]
    [InlineData(typeof(CronosOnlySchedule), "CronosOnlySchedule", "Cronos extensions")]
    [InlineData(typeof(QueueOfBytes), "'message'", "binds to String locally")]
    [InlineData(typeof(OtherAccount), "'message'", "names another storage account")]
    [InlineData(typeof(TimerReturnsValue), "TimerReturnsValue", "output bindings are not supported")]
    [InlineData(typeof(ClientInOrchestrator), "'client'", "an orchestrator cannot take a Durable client")]
    [InlineData(typeof(TwoFunctionsOneName), "'Twice'", "more than one method")]
    [InlineData(typeof(BadQueueName), "BadQueueName", "not a queue name Azure accepts")]
    public void Refuses_at_start_what_would_not_bind_as_in_Azure(Type functions, string named, string reason)
    {
        var e = Assert.Throws<InvalidOperationException>(() => new FunctionIndex([functions]));

        Assert.Contains(named, e.Message, StringComparison.Ordinal);
        Assert.Contains(reason, e.Message, StringComparison.Ordinal);
    }

    public sealed class TakesFunctionContext
    {
        [Function("TakesFunctionContext")]
        public static void Run([TimerTrigger("0 0 * * * *")] TimerInfo timer, FunctionContext context) { }
    }

    public sealed class UnknownRouteValue
    {
        [Function("UnknownRouteValue")]
        public static IResult Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "things/{name}")] HttpRequest request, string id) => Results.Ok();
    }

    public sealed class FunctionKey
    {
        [Function("FunctionKey")]
        public static IResult Run([HttpTrigger(AuthorizationLevel.Function, "get")] HttpRequest request) => Results.Ok();
    }

    public sealed class HttpRequestDataTrigger
    {
        [Function("HttpRequestDataTrigger")]
        public static IResult Run([HttpTrigger(AuthorizationLevel.Anonymous, "get")] HttpRequestData request) => Results.Ok();
    }

    public sealed class PocoResult
    {
        [Function("PocoResult")]
        public static Task<Person> Run([HttpTrigger(AuthorizationLevel.Anonymous, "get")] HttpRequest request) => Task.FromResult(new Person("x"));
    }

    public sealed class OutputBinding
    {
        [Function("OutputBinding")]
        [QueueOutput("out")]
        public static string Run([TimerTrigger("0 0 * * * *")] TimerInfo timer) => "x";
    }

    public sealed class TimeSpanSchedule
    {
        [Function("TimeSpanSchedule")]
        public static void Run([TimerTrigger("00:05:00")] TimerInfo timer) { }
    }

    public sealed class CronosOnlySchedule
    {
        [Function("CronosOnlySchedule")]
        public static void Run([TimerTrigger("0 0 0 L * *")] TimerInfo timer) { }
    }

    public sealed class QueueOfBytes
    {
        [Function("QueueOfBytes")]
        public static void Run([QueueTrigger("work")] byte[] message) { }
    }

    public sealed class OtherAccount
    {
        [Function("OtherAccount")]
        public static void Run([QueueTrigger("work", Connection = "OtherStorage")] string message) { }
    }

    public sealed class TimerReturnsValue
    {
        [Function("TimerReturnsValue")]
        public static Task<int> Run([TimerTrigger("0 0 * * * *")] TimerInfo timer) => Task.FromResult(1);
    }

    public sealed class ClientInOrchestrator
    {
#pragma warning disable DURABLE0008 // The Durable analyzer refuses it too; the index must refuse it where analyzers do not run.
        [Function("ClientInOrchestrator")]
        public static Task Run([OrchestrationTrigger] Microsoft.DurableTask.TaskOrchestrationContext context, [DurableClient] Microsoft.DurableTask.Client.DurableTaskClient client) =>
            Task.CompletedTask;
#pragma warning restore DURABLE0008
    }

    public sealed class TwoFunctionsOneName
    {
        [Function("Twice")]
        public static void One([TimerTrigger("0 0 * * * *")] TimerInfo timer) { }

        [Function("twice")]
        public static void Two([TimerTrigger("0 0 * * * *")] TimerInfo timer) { }
    }

    public sealed class BadQueueName
    {
        [Function("BadQueueName")]
        public static void Run([QueueTrigger("Work_Items")] string message) { }
    }
}
