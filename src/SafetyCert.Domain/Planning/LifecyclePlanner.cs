using System.Globalization;
using NodaTime;
using SafetyCert.Domain.Profiles;
using SafetyCert.Domain.Sampling;
using SafetyCert.Domain.Time;
using SafetyCert.Domain.Workflows.Certificates;
using SafetyCert.Domain.Workflows;

namespace SafetyCert.Domain.Planning;

/// <summary>
/// Runs a scenario through the real deciders in memory: scenario events at their times, timers when they
/// come due, and the starts and signals workflows send one another, up to the scenario's last date.
/// The same decisions the durable engine makes, without storage.
/// </summary>
public sealed class LifecyclePlanner
{
    // A lifecycle of a few years takes a few hundred steps; this only stops a decider that loops.
    private const int MaxSteps = 100_000;

    private readonly IReadOnlyDictionary<string, IWorkflow> workflows;
    private readonly ProfileCatalog profiles;

    /// <param name="workflows">The deciders, by kind.</param>
    /// <param name="profiles">The profiles a planned spot-check draw takes its percentages from; the embedded ones when null.</param>
    public LifecyclePlanner(IReadOnlyDictionary<string, IWorkflow> workflows, ProfileCatalog? profiles = null)
    {
        this.workflows = workflows;
        this.profiles = profiles ?? ProfileCatalog.Embedded;
    }

    public Timeline Plan(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var run = new Run(workflows);
        foreach (var scenarioEvent in scenario.Events)
        {
            run.FireTimersUntil(scenarioEvent.At);
            if (scenarioEvent.Event is SpotCheckDrawn draw)
            {
                run.Draw(draw, scenarioEvent.At, profiles.Get(scenario.ProfileId, new LocalDate(draw.Year, 12, 31)));
                continue;
            }

            run.Deliver(scenarioEvent.Workflow, scenarioEvent.Instance, scenarioEvent.Event, scenarioEvent.At, fromScenario: true);
        }

        run.FireTimersUntil(ShanghaiTime.EndOf(scenario.Until));
        return new Timeline(
            scenario.Title,
            scenario.ProfileId,
            scenario.Until,
            run.Entries.Any(e => e.Provisional == true),
            [.. run.Entries],
            [.. run.Instances.OrderBy(i => i.Key.Kind, StringComparer.Ordinal).ThenBy(i => i.Key.Id, StringComparer.Ordinal)
                .Select(i => new InstancePlan(i.Key.Kind, i.Key.Id, i.Value.Status, i.Value.IsFinal, i.Value.Deadlines))]);
    }

    private sealed class Run(IReadOnlyDictionary<string, IWorkflow> workflows)
    {
        private readonly SortedSet<PendingTimer> timers = new(PendingTimer.Order);
        private long timerSequence;
        private int steps;

        public List<TimelineEntry> Entries { get; } = [];

        public Dictionary<(string Kind, string Id), IWorkflowState> Instances { get; } = [];

        public void FireTimersUntil(Instant until)
        {
            while (timers.Min is { } next && next.DueAt <= until)
            {
                timers.Remove(next);
                Deliver(next.Kind, next.Instance, new TimerFired(next.TimerId, next.Token), next.DueAt, fromScenario: false);
            }
        }

        // RULES.md §9: the draw the API makes, over the certificates the scenario issued in the year.
        public void Draw(SpotCheckDrawn draw, Instant at, JurisdictionProfile profile)
        {
            var population = Instances
                .Where(i => i.Key.Kind == WorkflowKinds.Certificate && i.Value is CertificateState { Stage: not CertificateStage.NotIssued } c && c.IssuedOn.Year == draw.Year)
                .Select(i => (CertificateState)i.Value)
                .Select(c => new NewCertificate(c.CertificateId!, c.Grade, c.IssuedOn));
            var result = SpotCheckDraw.Draw(draw.Year, population, profile.SpotCheckPercent, draw.Seed);
            var entry = Entry(at, ScenarioReader.SpotCheckDraw, draw.Year.ToString(CultureInfo.InvariantCulture));
            foreach (var sample in result.Samples.Where(s => s.Population > 0))
            {
                var chosen = sample.ChosenCertificateIds.IsEmpty ? "none" : string.Join(", ", sample.ChosenCertificateIds);
                Entries.Add(entry with
                {
                    Type = "draw",
                    Event = nameof(SpotCheckDrawn),
                    Name = sample.Grade.ToString(),
                    Rule = $"RULES.md §9 [{result.PercentSource}]",
                    Reason = $"{sample.Grade} {sample.SampleSize} of {sample.Population} ({sample.Percent} %, seed {draw.Seed.ToString(CultureInfo.InvariantCulture)}): {chosen}  RULES.md §9 [{result.PercentSource}]",
                });
            }
        }

        public void Deliver(string kind, string instance, WorkflowEvent first, Instant at, bool fromScenario)
        {
            var queue = new Queue<(string Kind, string Instance, WorkflowEvent Event, bool FromScenario)>();
            queue.Enqueue((kind, instance, first, fromScenario));
            while (queue.TryDequeue(out var item))
            {
                if (++steps > MaxSteps)
                {
                    throw new InvalidOperationException($"The plan took more than {MaxSteps} steps; a workflow keeps signalling itself.");
                }

                Apply(item.Kind, item.Instance, item.Event, at, item.FromScenario, queue);
            }
        }

        private void Apply(string kind, string instance, WorkflowEvent @event, Instant at, bool fromScenario, Queue<(string, string, WorkflowEvent, bool)> queue)
        {
            if (!workflows.TryGetValue(kind, out var workflow))
            {
                throw new InvalidOperationException($"No workflow of kind '{kind}' is registered.");
            }

            var key = (kind, instance);
            var before = Instances.TryGetValue(key, out var known) ? known : workflow.Initial;
            var decision = workflow.Decide(before, @event, at);
            var entry = Entry(at, kind, instance);
            var eventName = @event is TimerFired fired ? $"TimerFired({fired.TimerId})" : @event.GetType().Name;
            if (decision.Outcome != Outcome.Applied)
            {
                if (fromScenario || decision.Outcome == Outcome.Rejected)
                {
                    Entries.Add(entry with { Type = decision.Outcome == Outcome.Rejected ? "rejected" : "ignored", Event = eventName, Reason = decision.Reason });
                }

                return;
            }

            var after = decision.State!;
            Instances[key] = after;
            if (fromScenario)
            {
                Entries.Add(entry with { Type = "event", Event = eventName });
            }

            if (after.Status != before.Status)
            {
                Entries.Add(entry with { Type = "state", Event = eventName, From = before.Status, To = after.Status });
            }

            var running = before.Deadlines.ToHashSet();
            foreach (var deadline in after.Deadlines.Where(d => !running.Contains(d)))
            {
                Entries.Add(entry with { Type = "deadline", Name = deadline.Name, Due = deadline.Due, Rule = deadline.Rule, Provisional = deadline.Provisional });
            }

            foreach (var effect in decision.Effects)
            {
                switch (effect)
                {
                    case SetTimer set:
                        timers.Add(new PendingTimer(set.DueAt, timerSequence++, kind, instance, set.TimerId, set.Token));
                        break;
                    case CancelTimer cancel:
                        timers.RemoveWhere(t => t.Kind == kind && t.Instance == instance && t.TimerId == cancel.TimerId && t.Token == cancel.Token);
                        break;
                    case Notify notify:
                        Entries.Add(entry with
                        {
                            Type = "notice",
                            Recipient = notify.Recipient.ToString(),
                            Kind = notify.Kind,
                            Class = notify.Class.ToString(),
                            Due = notify.DueDate,
                            Rule = notify.Rule,
                        });
                        break;
                    case StartWorkflow start:
                        queue.Enqueue((start.Kind, start.InstanceId, start.Start, false));
                        break;
                    case SignalWorkflow signal:
                        queue.Enqueue((signal.Kind, signal.InstanceId, signal.Event, false));
                        break;
                    default:
                        throw new InvalidOperationException($"The planner does not know the effect {effect.GetType().Name}.");
                }
            }
        }

        private static TimelineEntry Entry(Instant at, string kind, string instance)
        {
            var local = at.InZone(ShanghaiTime.Zone).LocalDateTime;
            return new TimelineEntry { Date = local.Date, Time = local.TimeOfDay, Type = string.Empty, Workflow = kind, Instance = instance };
        }
    }

    private sealed record PendingTimer(Instant DueAt, long Sequence, string Kind, string Instance, string TimerId, string Token)
    {
        public static IComparer<PendingTimer> Order { get; } = Comparer<PendingTimer>.Create((a, b) =>
        {
            var byTime = a.DueAt.CompareTo(b.DueAt);
            return byTime != 0 ? byTime : a.Sequence.CompareTo(b.Sequence);
        });
    }
}
