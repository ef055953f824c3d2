using NodaTime;
using SafetyCert.Domain.Workflows;
using SafetyCert.Domain.Workflows.Certificates;

namespace SafetyCert.Benchmarks;

/// <summary>
/// The events the throughput rounds apply: the licence lapses and is renewed, in turn. Each is applied and carries two
/// notices (enterprise and regulator), so a transition runs both activities. Event k falls on its own day, so every
/// notice has its own delivery id and is mailed.
/// </summary>
internal static class LicenceEvents
{
    public static WorkflowEvent For(int k)
    {
        var on = Certificates.IssuedOn.PlusDays(k);
        return k % 2 == 0 ? new LicenceLapsed(on) : new LicenceRenewed(on, on.PlusYears(1));
    }

    /// <summary>Valid long enough that no deadline of these certificates falls due while the benchmark runs.</summary>
    public static LocalDate ValidThrough => new(2029, 12, 30);
}
