namespace SafetyCert.Host.Tests.Faults;

/// <summary>What a <see cref="LifecycleRun"/> ended with.</summary>
/// <param name="Outcomes">Every instance's final state, keyed <c>kind/id</c> (see <see cref="LifecycleScenario.OutcomesAsync"/>).</param>
/// <param name="EventsAppliedTwice">Event ids an instance's audit trail shows applied more than once.</param>
/// <param name="TimersFired">Timer firings the instances applied in all.</param>
/// <param name="Deliveries">Every row of the notification ledger: delivery id → status.</param>
/// <param name="Mail">E-mails received per delivery id.</param>
/// <param name="ResentAfterDeadSender">Deliveries sent again because the host sending them was killed mid-send.</param>
/// <param name="StrandedActivityMessages">Activity messages a host kept refusing as "processed multiple times concurrently" (see <see cref="WorkQueues"/>).</param>
internal sealed record RunResult(
    SortedDictionary<string, string> Outcomes,
    IReadOnlyList<string> EventsAppliedTwice,
    int TimersFired,
    SortedDictionary<string, string> Deliveries,
    Dictionary<string, int> Mail,
    IReadOnlySet<string> ResentAfterDeadSender,
    IReadOnlyList<string> StrandedActivityMessages);
