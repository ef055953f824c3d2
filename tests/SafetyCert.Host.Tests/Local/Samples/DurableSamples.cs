using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace SafetyCert.Host.Tests.Local.Samples;

public sealed class DurableSamples(Recorder recorder)
{
    [Function("Greeting")]
    public static async Task<string> GreetingAsync([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var person = context.GetInput<Person>() ?? throw new InvalidOperationException("no input");
        var greeting = await context.CallActivityAsync<string>("SayHello", person);
        return $"{greeting} ({context.Name})";
    }

    /// <summary>The orchestration's input bound to a parameter, as the Functions worker binds it.</summary>
    [Function("GreetingWithInput")]
    public static Task<string> GreetingWithInputAsync([OrchestrationTrigger] TaskOrchestrationContext context, Person person)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.CallActivityAsync<string>("SayHello", person);
    }

    [Function("SayHello")]
    public async Task<string> SayHelloAsync([ActivityTrigger] Person person, [DurableClient] DurableTaskClient client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(person);
        ArgumentNullException.ThrowIfNull(client);
        recorder.Record("SayHello", person.Name);
        await Task.Delay(1, cancellationToken);
        return $"hello {person.Name}";
    }
}
