using SafetyCert.Host.Functions;
using SafetyCert.Host.Tests.Triggers;

namespace SafetyCert.Host.Tests.Functions;

public sealed class FunctionCatalogTests
{
    [Fact]
    public void Names_list_every_timer_and_queue_function_and_the_api()
    {
        var catalog = new FunctionCatalog(
            [new RecordingTimerFunction("Sweep", "0 * * * * *")],
            [new RecordingQueueFunction("Events", "events")]);

        Assert.Equal(["Sweep", "Events", FunctionCatalog.ApiFunctionName], catalog.Names);
        Assert.Same(catalog.Timers[0], catalog.FindTimer("sweep"));
        Assert.Same(catalog.Queues[0], catalog.FindQueue("Events"));
        Assert.Null(catalog.FindTimer("Events"));
    }

    [Theory]
    [InlineData("Sweep", "sweep")]
    [InlineData("Sweep", "Api")]
    public void Constructor_rejects_names_that_collide_ignoring_case(string timerName, string queueFunctionName)
    {
        var error = Assert.Throws<ArgumentException>(() => new FunctionCatalog(
            [new RecordingTimerFunction(timerName, "0 * * * * *")],
            [new RecordingQueueFunction(queueFunctionName, "events")]));

        Assert.Contains(queueFunctionName, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1Sweep")]
    [InlineData("sweep/all")]
    [InlineData("")]
    public void Constructor_rejects_names_Azure_cannot_use_as_a_folder_and_path(string name)
    {
        Assert.Throws<ArgumentException>(() => new FunctionCatalog([new RecordingTimerFunction(name, "0 * * * * *")], []));
    }

    [Theory]
    [InlineData("Events")]
    [InlineData("events--x")]
    [InlineData("-events")]
    [InlineData("events_x")]
    public void Constructor_rejects_invalid_queue_names_naming_the_function(string queueName)
    {
        var error = Assert.Throws<ArgumentException>(() => new FunctionCatalog([], [new RecordingQueueFunction("Events", queueName)]));

        Assert.Contains("'Events'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_rejects_a_schedule_that_does_not_parse()
    {
        Assert.Throws<FormatException>(() => new FunctionCatalog([new RecordingTimerFunction("Sweep", "* * * * *")], []));
    }
}
