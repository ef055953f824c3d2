using System.Reflection;

namespace SafetyCert.Host.Tests.Local.Samples;

/// <summary>
/// The sample function app as <c>AddLocalFunctions</c> and <c>FunctionIndex</c> take it: the test assembly, showing only
/// the sample classes. The whole test assembly cannot be indexed, as it also holds the functions the index must refuse
/// (<see cref="FunctionIndexTests"/>).
/// </summary>
internal sealed class SampleApp : Assembly
{
    private readonly Assembly tests = typeof(SampleApp).Assembly;

    private SampleApp()
    {
    }

    public static SampleApp Instance { get; } = new();

    public override string? FullName => tests.FullName;

    public override Type[] GetTypes() => [typeof(HttpSamples), typeof(TimerSamples), typeof(QueueSamples), typeof(DurableSamples)];

    public override AssemblyName GetName() => tests.GetName();
}
