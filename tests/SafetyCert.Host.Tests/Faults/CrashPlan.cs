namespace SafetyCert.Host.Tests.Faults;

/// <summary>
/// When the crash test kills a host: at <paramref name="Step"/> (0 while the instances start), <paramref name="Delay"/>
/// after the hosts began sweeping that step's jump, or, with <paramref name="DuringEvents"/>, after the test began sending
/// that step's events. Drawn from a printed seed, so a failing run can be replayed with <c>FAULTS_SEED</c>.
/// </summary>
internal sealed record CrashPlan(int Seed, int Step, bool DuringEvents, TimeSpan Delay, int Victim)
{
    public const string SeedVariable = "FAULTS_SEED";

    public static CrashPlan Draw(int hostCount)
    {
        var seed = int.TryParse(Environment.GetEnvironmentVariable(SeedVariable), out var given) ? given : Random.Shared.Next();
        var random = new Random(seed);
        return new CrashPlan(
            seed,
            random.Next(0, LifecycleScenario.Steps + 1),
            random.Next(3) == 0,
            TimeSpan.FromMilliseconds(random.Next(0, 2_000)),
            random.Next(hostCount));
    }

    public override string ToString() =>
        $"seed {Seed} ({SeedVariable}={Seed} replays it): kill host {Victim} at step {Step}, {Delay.TotalMilliseconds:0} ms into {(Step == 0 ? "the starts" : DuringEvents ? "the events" : "the sweep")}";
}
