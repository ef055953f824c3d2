using SafetyCert.Domain.Calendar;
using SafetyCert.Domain.Tests.Purity;

namespace SafetyCert.Domain.Tests;

/// <summary>
/// The domain takes time, randomness and data as arguments: no clock, no random source, no I/O, no network,
/// no environment, no waiting (STYLE.md, "Time and determinism").
/// </summary>
public class PurityTests
{
    [Fact]
    public void Domain_assembly_uses_no_clock_randomness_io_network_environment_or_waiting()
    {
        var violations = ImpurityScanner.Scan(typeof(WorkingDayCalendar).Assembly.Location);

        Assert.True(violations.Count == 0, "The domain must stay pure:\n" + string.Join("\n", violations));
    }

    [Fact]
    public void Domain_assembly_is_scanned_through_its_method_bodies()
    {
        // Guards against a scan that silently reads nothing: the calendar loader is in the domain and its
        // resource reading is allowed, so the scanner must see it and still report nothing there.
        var violations = ImpurityScanner.Scan(typeof(WorkingDayCalendar).Assembly.Location);

        Assert.DoesNotContain(violations, v => v.Method.Contains("LoadEmbedded", StringComparison.Ordinal));
        Assert.NotEmpty(ImpurityScanner.Scan(typeof(PurityTests).Assembly.Location));
    }

    [Theory]
    [InlineData(nameof(ImpureSamples.ReadsTheClock), "System.DateTime::get_UtcNow")]
    [InlineData("MakesAnIdInALambda", "System.Guid::NewGuid")]
    [InlineData(nameof(ImpureSamples.DrawsFromSystemRandom), "System.Random::.ctor")]
    [InlineData(nameof(ImpureSamples.DrawsFromSystemRandom), "System.Random::Next")]
    [InlineData(nameof(ImpureSamples.OpensAFileByPath), "System.IO.StreamReader::.ctor(string path)")]
    [InlineData(nameof(ImpureSamples.CallsWaitInAGenericContext), "System.Threading.Thread::Sleep")]
    public void Scanner_finds_a_forbidden_use_in_the_test_assembly_naming_the_method(string method, string use)
    {
        var violations = ImpurityScanner.Scan(typeof(PurityTests).Assembly.Location)
            .Where(v => v.Method.StartsWith(typeof(ImpureSamples).FullName!, StringComparison.Ordinal));

        // A lambda body is compiled into a method named after the method that holds it.
        Assert.Contains(violations, v => v.Method.Contains(method, StringComparison.Ordinal) && v.Use == use);
    }

    [Fact]
    public void Scanner_allows_reading_an_embedded_resource_through_a_stream_reader()
    {
        var violations = ImpurityScanner.Scan(typeof(PurityTests).Assembly.Location);

        Assert.DoesNotContain(violations, v => v.Method.EndsWith(nameof(ImpureSamples.ReadsOwnResource), StringComparison.Ordinal));
    }
}
