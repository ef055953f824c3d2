namespace SafetyCert.Engine.Workflows;

/// <summary>The places where a crash is simulated in tests: each is a point a real process may die at.</summary>
internal enum FaultPoint
{
    /// <summary>The transition is stored; nothing of its outbox is done.</summary>
    AfterCommitBeforeOutbox,

    /// <summary>One effect is carried out; its outbox row is still there.</summary>
    AfterEffectBeforeOutboxDelete,

    /// <summary>The outbox is done; the queue message is not yet deleted.</summary>
    AfterOutboxBeforeMessageDelete,

    /// <summary>A due timer's event is enqueued; its index row is still there.</summary>
    MidSweep,
}
