using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using SafetyCert.Host.Functions;

namespace SafetyCert.Host.Tests.Triggers;

public sealed class TimerRuntimeTests(AzuriteFixture azurite)
{
    private const int Running = 1;
    private const int Succeeded = 2;
    private const int SkippedOverlap = 4;
    private const int SkippedLeaseHeld = 5;
    private const int SkippedAlreadyRun = 6;
    private const int Scheduled = 13;

    private readonly string prefix = AzuriteFixture.NewPrefix();

    [Fact]
    public async Task A_run_writes_status_blob_with_last_next_and_last_updated()
    {
        // Midnight in Shanghai is 16:00 UTC the day before: the run crosses the date line of both zones.
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 22, 15, 59, 0, TimeSpan.Zero));
        var function = new RecordingTimerFunction("Midnight", "0 0 0 * * *");
        var midnight = new DateTimeOffset(2026, 11, 22, 16, 0, 0, TimeSpan.Zero);
        await using var runtime = await RuntimeUnderTest.StartAsync(azurite, prefix, time, [function]);

        await runtime.Logs.WaitForAsync(Scheduled, midnight);
        var initial = await ReadStatusAsync("Midnight");
        Assert.Equal(DateTimeOffset.MinValue, initial.GetProperty("Last").GetDateTimeOffset());
        Assert.Equal(midnight, initial.GetProperty("Next").GetDateTimeOffset());

        time.Advance(TimeSpan.FromMinutes(1));
        await runtime.Logs.WaitForAsync(Succeeded, midnight);
        await runtime.Logs.WaitForAsync(Scheduled, midnight.AddDays(1));
        var status = await WaitForStatusAsync("Midnight", s => s.GetProperty("Last").GetDateTimeOffset() == midnight);

        Assert.Equal(["Last", "Next", "LastUpdated"], status.EnumerateObject().Select(p => p.Name));
        Assert.Equal(midnight.AddDays(1), status.GetProperty("Next").GetDateTimeOffset());
        Assert.Equal(midnight, status.GetProperty("LastUpdated").GetDateTimeOffset());
        var run = Assert.Single(function.Runs);
        Assert.False(run.IsPastDue);
        Assert.Equal(midnight, run.ScheduleStatus?.Next);
    }

    [Fact]
    public async Task A_run_missed_while_down_fires_once_past_due_then_the_schedule_resumes()
    {
        // Three daily 02:00 (Shanghai) runs were missed; the host comes up at noon Shanghai time.
        var now = new DateTimeOffset(2026, 11, 22, 4, 0, 0, TimeSpan.Zero);
        var missed = new ScheduleStatus(
            new DateTimeOffset(2026, 11, 18, 18, 0, 0, TimeSpan.Zero),
            new DateTimeOffset(2026, 11, 19, 18, 0, 0, TimeSpan.Zero),
            new DateTimeOffset(2026, 11, 18, 18, 0, 1, TimeSpan.Zero));
        await WriteStatusAsync("Nightly", missed);
        var time = new FakeTimeProvider(now);
        var function = new RecordingTimerFunction("Nightly", "0 0 2 * * *");
        var nextTwoAm = new DateTimeOffset(2026, 11, 22, 18, 0, 0, TimeSpan.Zero);

        await using var runtime = await RuntimeUnderTest.StartAsync(azurite, prefix, time, [function]);
        await runtime.Logs.WaitForAsync(Succeeded, missed.Next);
        await runtime.Logs.WaitForAsync(Scheduled, nextTwoAm);
        var late = Assert.Single(function.Runs);
        Assert.True(late.IsPastDue);
        Assert.Equal(missed, late.ScheduleStatus);
        var status = await WaitForStatusAsync("Nightly", s => s.GetProperty("Last").GetDateTimeOffset() == now);
        Assert.Equal(nextTwoAm, status.GetProperty("Next").GetDateTimeOffset());

        time.Advance(nextTwoAm - now);
        await runtime.Logs.WaitForAsync(Succeeded, nextTwoAm);
        Assert.Equal([true, false], function.Runs.Select(r => r.IsPastDue));
    }

    [Fact]
    public async Task A_clock_jump_past_several_occurrences_fires_once_past_due_then_the_schedule_resumes_after_now()
    {
        var start = new DateTimeOffset(2026, 11, 22, 4, 0, 0, TimeSpan.Zero);
        var time = new FakeTimeProvider(start);
        var function = new RecordingTimerFunction("Nightly", "0 0 2 * * *");
        var firstTwoAm = new DateTimeOffset(2026, 11, 22, 18, 0, 0, TimeSpan.Zero);
        var afterJump = new DateTimeOffset(2026, 11, 25, 18, 0, 0, TimeSpan.Zero);
        await using var runtime = await RuntimeUnderTest.StartAsync(azurite, prefix, time, [function]);
        await runtime.Logs.WaitForAsync(Scheduled, firstTwoAm);

        // A development clock moved three days on: three 02:00 runs passed while the runner waited for the first.
        time.Advance(TimeSpan.FromDays(3));
        await runtime.Logs.WaitForAsync(Succeeded, firstTwoAm);
        await runtime.Logs.WaitForAsync(Scheduled, afterJump);

        var run = Assert.Single(function.Runs);
        Assert.True(run.IsPastDue);
        var status = await WaitForStatusAsync("Nightly", s => s.GetProperty("Next").GetDateTimeOffset() == afterJump);
        Assert.Equal(start + TimeSpan.FromDays(3), status.GetProperty("Last").GetDateTimeOffset());
    }

    [Fact]
    public async Task Two_runtimes_on_one_storage_run_each_occurrence_once()
    {
        var start = new DateTimeOffset(2026, 11, 22, 1, 0, 0, TimeSpan.Zero);
        var time = new FakeTimeProvider(start);
        var runs = new ConcurrentQueue<TimerInfo>();
        await using var first = await RuntimeUnderTest.StartAsync(azurite, prefix, time, [new RecordingTimerFunction("Sweep", "*/10 * * * * *", runs)]);
        await using var second = await RuntimeUnderTest.StartAsync(azurite, prefix, time, [new RecordingTimerFunction("Sweep", "*/10 * * * * *", runs)]);

        for (var i = 1; i <= 3; i++)
        {
            var occurrence = start.AddSeconds(10 * i);
            await first.Logs.WaitForAsync(Scheduled, occurrence);
            await second.Logs.WaitForAsync(Scheduled, occurrence);
            time.Advance(TimeSpan.FromSeconds(10));

            var outcomes = new[]
            {
                await OutcomeAsync(first.Logs, occurrence),
                await OutcomeAsync(second.Logs, occurrence),
            };
            Assert.Equal(1, outcomes.Count(o => o == Succeeded));
            Assert.Equal(1, outcomes.Count(o => o is SkippedLeaseHeld or SkippedAlreadyRun));
            Assert.Equal(i, runs.Count);
        }
    }

    [Fact]
    public async Task An_occurrence_that_finds_the_previous_run_still_going_is_skipped()
    {
        var start = new DateTimeOffset(2026, 11, 22, 1, 0, 0, TimeSpan.Zero);
        var time = new FakeTimeProvider(start);
        var function = new RecordingTimerFunction("Slow", "*/10 * * * * *") { Gate = new TaskCompletionSource() };
        await using var runtime = await RuntimeUnderTest.StartAsync(azurite, prefix, time, [function]);
        var (first, second, third) = (start.AddSeconds(10), start.AddSeconds(20), start.AddSeconds(30));

        await runtime.Logs.WaitForAsync(Scheduled, first);
        time.Advance(TimeSpan.FromSeconds(10));
        await runtime.Logs.WaitForAsync(Running, first);
        await runtime.Logs.WaitForAsync(Scheduled, second);
        time.Advance(TimeSpan.FromSeconds(10));
        await runtime.Logs.WaitForAsync(SkippedOverlap, second);
        Assert.Single(function.Runs);

        function.Gate.SetResult();
        await runtime.Logs.WaitForAsync(Succeeded, first);
        await runtime.Logs.WaitForAsync(Scheduled, third);
        time.Advance(TimeSpan.FromSeconds(10));
        await runtime.Logs.WaitForAsync(Succeeded, third);
        Assert.Equal(2, function.Runs.Count);
        Assert.DoesNotContain(runtime.Logs.Entries, e => e.EventId == Running && Equals(e.Values["Occurrence"], second));
    }

    [Fact]
    public async Task An_unreadable_status_is_reported_and_the_schedule_starts_afresh()
    {
        var start = new DateTimeOffset(2026, 11, 22, 1, 0, 0, TimeSpan.Zero);
        var container = azurite.Blobs.GetBlobContainerClient($"{prefix}timers");
        await container.CreateIfNotExistsAsync(cancellationToken: TestContext.Current.CancellationToken);
        await container.GetBlobClient("Sweep/status.json").UploadAsync(
            BinaryData.FromString("{\"Last\":"), TestContext.Current.CancellationToken);
        var time = new FakeTimeProvider(start);
        var function = new RecordingTimerFunction("Sweep", "*/10 * * * * *");

        await using var runtime = await RuntimeUnderTest.StartAsync(azurite, prefix, time, [function]);
        var reported = await runtime.Logs.WaitForAsync(e => e.EventId == 14, "the unreadable status");
        Assert.Contains($"{prefix}timers/Sweep/status.json", reported.Exception?.Message, StringComparison.Ordinal);
        await runtime.Logs.WaitForAsync(Scheduled, start.AddSeconds(10));
        time.Advance(TimeSpan.FromSeconds(10));
        await runtime.Logs.WaitForAsync(Succeeded, start.AddSeconds(10));

        var run = Assert.Single(function.Runs);
        Assert.False(run.IsPastDue);
        Assert.Equal(start.AddSeconds(10), run.ScheduleStatus?.Next);
    }

    private static async Task<int> OutcomeAsync(LogCollector logs, DateTimeOffset occurrence) =>
        (await logs.WaitForAsync(
            e => e.EventId is Succeeded or SkippedLeaseHeld or SkippedAlreadyRun && Equals(e.Values.GetValueOrDefault("Occurrence"), occurrence),
            $"an outcome for {occurrence:o}")).EventId;

    private async Task WriteStatusAsync(string function, ScheduleStatus status)
    {
        var container = azurite.Blobs.GetBlobContainerClient($"{prefix}timers");
        await container.CreateIfNotExistsAsync(cancellationToken: TestContext.Current.CancellationToken);
        await container.GetBlobClient($"{function}/status.json").UploadAsync(
            BinaryData.FromObjectAsJson(status), TestContext.Current.CancellationToken);
    }

    private async Task<JsonElement> ReadStatusAsync(string function)
    {
        var blob = azurite.Blobs.GetBlobContainerClient($"{prefix}timers").GetBlobClient($"{function}/status.json");
        var content = await blob.DownloadContentAsync(TestContext.Current.CancellationToken);
        return JsonDocument.Parse(content.Value.Content).RootElement.Clone();
    }

    /// <summary>The status is written just after the run's outcome is logged, so give it a moment.</summary>
    private async Task<JsonElement> WaitForStatusAsync(string function, Func<JsonElement, bool> written)
    {
        for (var attempt = 0; ; attempt++)
        {
            var status = await ReadStatusAsync(function);
            if (written(status) || attempt == 100)
            {
                return status;
            }

            await Task.Delay(20, TestContext.Current.CancellationToken);
        }
    }
}
