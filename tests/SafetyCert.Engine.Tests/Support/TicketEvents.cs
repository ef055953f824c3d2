using NodaTime;
using SafetyCert.Domain.Workflows;

namespace SafetyCert.Engine.Tests.Support;

// A closed set of events of the test workflow; they share a file like the effects they exercise.
public sealed record TicketOpened(string Title, Instant? ReminderAt = null) : WorkflowEvent;

public sealed record Noted(string Text) : WorkflowEvent;

public sealed record ReminderMoved(Instant At) : WorkflowEvent;

public sealed record ReminderCancelled : WorkflowEvent;

public sealed record ChildSpawned(string ChildId) : WorkflowEvent;

public sealed record ManyNotices(int Count) : WorkflowEvent;

public sealed record Exploded : WorkflowEvent;

public sealed record Forbidden : WorkflowEvent;

public sealed record TicketClosed : WorkflowEvent;

public sealed record Escalated(string To) : WorkflowEvent;
