using System.Collections.Immutable;
using NodaTime;

namespace SafetyCert.Domain.Workflows;

/// <summary>
/// The timers an instance has set. Each setting gets a fresh token, so a timer that fires after it was
/// cancelled or re-set is recognised as stale and ignored.
/// </summary>
public sealed record TimerBook
{
    public static TimerBook Empty { get; } = new();

    /// <summary>The timers now set, by id.</summary>
    public ImmutableSortedDictionary<string, ScheduledTimer> Active { get; init; } =
        ImmutableSortedDictionary<string, ScheduledTimer>.Empty.WithComparers(StringComparer.Ordinal);

    /// <summary>How many timers this instance has ever set; the source of fresh tokens.</summary>
    public int Sequence { get; init; }

    /// <summary>Whether a fired timer is the one now set under its id.</summary>
    public bool IsCurrent(TimerFired fired) =>
        fired is not null && Active.TryGetValue(fired.TimerId, out var timer) && timer.Token == fired.Token;

    /// <summary>Sets (or re-sets) a timer; a timer already set under the id is cancelled first.</summary>
    public TimerBook Set(string id, Instant dueAt, string purpose, ICollection<Effect> effects)
    {
        ArgumentNullException.ThrowIfNull(effects);
        var book = Cancel(id, effects);
        var timer = new ScheduledTimer(id, $"{id}#{book.Sequence + 1}", dueAt, purpose);
        effects.Add(new SetTimer(timer.Id, timer.Token, timer.DueAt, timer.Purpose));
        return book with { Active = book.Active.SetItem(id, timer), Sequence = book.Sequence + 1 };
    }

    /// <summary>Cancels a timer when it is set.</summary>
    public TimerBook Cancel(string id, ICollection<Effect> effects)
    {
        ArgumentNullException.ThrowIfNull(effects);
        if (!Active.TryGetValue(id, out var timer))
        {
            return this;
        }

        effects.Add(new CancelTimer(timer.Id, timer.Token));
        return this with { Active = Active.Remove(id) };
    }

    /// <summary>Cancels every timer whose id starts with a prefix (all reminders of a kind).</summary>
    public TimerBook CancelWhere(Func<ScheduledTimer, bool> predicate, ICollection<Effect> effects)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        var book = this;
        foreach (var timer in Active.Values.Where(predicate).ToList())
        {
            book = book.Cancel(timer.Id, effects);
        }

        return book;
    }

    /// <summary>Cancels every timer, as an instance does when it reaches a final state.</summary>
    public TimerBook CancelAll(ICollection<Effect> effects) => CancelWhere(_ => true, effects);

    /// <summary>Forgets a timer that has fired.</summary>
    public TimerBook Fired(TimerFired fired) =>
        fired is not null && IsCurrent(fired) ? this with { Active = Active.Remove(fired.TimerId) } : this;
}
