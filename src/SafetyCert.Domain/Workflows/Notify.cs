using System.Collections.Immutable;
using NodaTime;

namespace SafetyCert.Domain.Workflows;

/// <summary>
/// Tell a party something. The engine resolves the party to its current contacts when it sends, and
/// keys the delivery by (instance, kind, due date, recipient, channel) so it goes out once.
/// </summary>
/// <param name="Kind">The notice kind, which names its template (see <see cref="NoticeKinds"/>).</param>
/// <param name="Recipient">The party the notice is for.</param>
/// <param name="DueDate">The date the notice is about or due on; part of its identity.</param>
/// <param name="Class">Whether it may be muted and when it may go out.</param>
/// <param name="Rule">The rule and source the notice comes from, shown to the reader.</param>
/// <param name="Facts">
/// Values the template shows: certificate number, deadline, grounds and the like. <see cref="Workflow{TState}"/> adds
/// the scope facts of its state (<see cref="NoticeFactNames"/>) that find the recipient.
/// </param>
public sealed record Notify(
    string Kind,
    Party Recipient,
    LocalDate DueDate,
    NoticeClass Class,
    string Rule,
    ImmutableSortedDictionary<string, string> Facts) : Effect;
