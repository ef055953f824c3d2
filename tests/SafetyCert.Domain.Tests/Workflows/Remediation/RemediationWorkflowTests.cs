using NodaTime;
using SafetyCert.Domain.Time;
using SafetyCert.Domain.Workflows;
using SafetyCert.Domain.Workflows.Certificates;
using SafetyCert.Domain.Workflows.Remediation;
using SafetyCert.Domain.Grading;

namespace SafetyCert.Domain.Tests.Workflows.Remediation;

public class RemediationWorkflowTests
{
    private static readonly LocalDate OrderedOn = new(2025, 3, 10);

    internal static RemediationOrdered Ordered(LocalDate deadline, string? certificateId = "cert-1") =>
        new("rem-1", "ent-1", "640100", Grade.Level2, TestProfiles.NationalId, certificateId, "app-1", "Hazard ledger incomplete", OrderedOn, deadline);

    private static WorkflowDriver<RemediationState> Driver() =>
        new(new RemediationWorkflow(WorkflowDriver<RemediationState>.Calendar, TestProfiles.Catalog));

    // RULES.md §4.4 [001 art.14]: the deadline is at most one year after the order (2025-03-10 → 2026-03-10).
    [Theory]
    [InlineData(2026, 3, 10, Outcome.Applied)]
    [InlineData(2026, 3, 11, Outcome.Rejected)]
    [InlineData(2025, 3, 10, Outcome.Rejected)]
    [InlineData(2025, 6, 30, Outcome.Applied)]
    public void Deadline_is_at_most_twelve_months_after_the_order(int year, int month, int day, Outcome expected)
    {
        var decision = Driver().Send(Ordered(new LocalDate(year, month, day)), OrderedOn);

        Assert.Equal(expected, decision.Outcome);
    }

    // RULES.md §4.4 [001 art.14], [002 §3(3)]: reminders 30 and 7 days before; a missed deadline tells the certificate.
    [Fact]
    public void Missed_deadline_signals_the_certificate()
    {
        var driver = Driver();
        driver.Send(Ordered(new LocalDate(2025, 6, 30)), OrderedOn);
        Assert.Equal(ShanghaiTime.StartOf(new LocalDate(2025, 7, 1)), driver.State.Timers.Active[RemediationWorkflow.DeadlineTimer].DueAt);

        var decisions = driver.RunUntil(ShanghaiTime.StartOf(new LocalDate(2025, 7, 2)));
        var notices = decisions.SelectMany(d => d.Effects.OfType<Notify>()).ToList();

        Assert.Equal(
            [new LocalDate(2025, 5, 31), new LocalDate(2025, 6, 23)],
            notices.Where(n => n.Kind == NoticeKinds.RemediationDueSoon).Select(n => n.DueDate));
        // The certificate's cancellation notices tell the parties; the remediation sends no second notice.
        Assert.DoesNotContain(notices, n => n.Kind == NoticeKinds.RemediationMissed);
        var signal = Assert.Single(decisions.SelectMany(d => d.Effects).OfType<SignalWorkflow>());
        Assert.Equal((WorkflowKinds.Certificate, "cert-1"), (signal.Kind, signal.InstanceId));
        Assert.Equal(new RemediationMissed("rem-1", new LocalDate(2025, 6, 30)), signal.Event);
        Assert.Equal(RemediationStatus.Missed, driver.State.Stage);
    }

    // RULES.md §4.4 [001 art.14]: the order made by the review report follows the certificate the review led to.
    [Fact]
    public void An_order_from_the_review_follows_the_issued_certificate_and_its_miss_cancels_it()
    {
        var driver = Driver();
        driver.Send(Ordered(new LocalDate(2025, 6, 30), certificateId: null), OrderedOn);

        var follow = driver.Send(new GradeCertificateIssued("cert-9"), new LocalDate(2025, 4, 1));
        var again = driver.Send(new GradeCertificateIssued("cert-9"), new LocalDate(2025, 4, 2));
        var missed = driver.RunUntil(ShanghaiTime.StartOf(new LocalDate(2025, 7, 2)));

        Assert.Equal((Outcome.Applied, Outcome.Ignored), (follow.Outcome, again.Outcome));
        var signal = Assert.Single(missed.SelectMany(d => d.Effects).OfType<SignalWorkflow>());
        Assert.Equal((WorkflowKinds.Certificate, "cert-9"), (signal.Kind, signal.InstanceId));
        Assert.True(driver.State.IsFinal);
    }

    // RULES.md §4.4: a deadline missed before the certificate was issued cancels it as soon as it is issued.
    [Fact]
    public void A_deadline_missed_before_issue_cancels_the_certificate_once_issued()
    {
        var driver = Driver();
        driver.Send(Ordered(new LocalDate(2025, 6, 30), certificateId: null), OrderedOn);
        driver.RunUntil(ShanghaiTime.StartOf(new LocalDate(2025, 7, 2)));
        Assert.False(driver.State.IsFinal);

        var follow = driver.Send(new GradeCertificateIssued("cert-9"), new LocalDate(2025, 7, 10));

        var signal = Assert.Single(follow.Effects.OfType<SignalWorkflow>());
        Assert.Equal((WorkflowKinds.Certificate, "cert-9", new RemediationMissed("rem-1", new LocalDate(2025, 6, 30))), (signal.Kind, signal.InstanceId, signal.Event));
        Assert.True(driver.State.IsFinal);
    }

    // RULES.md §4.4: a remediation during an application (no certificate yet) is missed without a certificate signal.
    [Fact]
    public void Missed_deadline_without_certificate_only_notifies()
    {
        var driver = Driver();
        driver.Send(Ordered(new LocalDate(2025, 6, 30), certificateId: null), OrderedOn);

        var missed = driver.Fire(RemediationWorkflow.DeadlineTimer);

        Assert.Empty(missed.Effects.OfType<SignalWorkflow>());
        Assert.Contains(missed.Effects.OfType<Notify>(), n => n.Kind == NoticeKinds.RemediationMissed && n.Recipient == Party.Regulator);
    }

    // RULES.md §4.4 [001 art.14]: completion by the deadline with evidence closes it and cancels every timer.
    [Fact]
    public void Completion_with_evidence_closes_the_remediation()
    {
        var driver = Driver();
        driver.Send(Ordered(new LocalDate(2025, 6, 30)), OrderedOn);
        driver.RunUntil(ShanghaiTime.StartOf(new LocalDate(2025, 6, 2)));

        var completed = driver.Send(new RemediationCompleted(new LocalDate(2025, 6, 2), ["doc-photo-1"]), new LocalDate(2025, 6, 2));

        Assert.Equal(RemediationStatus.Completed, driver.State.Stage);
        Assert.Equal(["deadline", "reminder-7"], completed.Effects.OfType<CancelTimer>().Select(c => c.TimerId).Order(StringComparer.Ordinal));
    }

    // RULES.md §4.4: completion needs evidence.
    [Fact]
    public void Completion_without_evidence_is_rejected()
    {
        var driver = Driver();
        driver.Send(Ordered(new LocalDate(2025, 6, 30)), OrderedOn);

        Assert.Equal(Outcome.Rejected, driver.Send(new RemediationCompleted(new LocalDate(2025, 6, 2), []), new LocalDate(2025, 6, 2)).Outcome);
    }
    // RULES.md §4.4 [001 art.14]: an order from the review whose application ends without a certificate closes with it:
    // its timers are cancelled and it no longer waits for a grade that will never come.
    [Fact]
    public void An_order_from_the_review_closes_when_its_application_ends_without_a_certificate()
    {
        var driver = Driver();
        driver.Send(Ordered(new LocalDate(2025, 6, 30), certificateId: null), OrderedOn);
        Assert.NotEmpty(driver.State.Timers.Active);

        var closed = driver.Send(new ApplicationClosed("app-1", new LocalDate(2025, 4, 1)), new LocalDate(2025, 4, 1));
        var later = driver.RunUntil(ShanghaiTime.StartOf(new LocalDate(2025, 7, 2)));

        Assert.Equal(Outcome.Applied, closed.Outcome);
        Assert.Equal(RemediationStatus.Closed, driver.State.Stage);
        Assert.True(driver.State.IsFinal);
        Assert.Empty(driver.State.Timers.Active);
        Assert.Empty(later.SelectMany(d => d.Effects));
    }

    // RULES.md §4.4: a deadline missed before the application failed leaves no order waiting either.
    [Fact]
    public void A_missed_order_waiting_for_its_certificate_closes_when_the_application_ends()
    {
        var driver = Driver();
        driver.Send(Ordered(new LocalDate(2025, 6, 30), certificateId: null), OrderedOn);
        driver.RunUntil(ShanghaiTime.StartOf(new LocalDate(2025, 7, 2)));
        Assert.False(driver.State.IsFinal);

        Assert.Equal(Outcome.Applied, driver.Send(new ApplicationClosed("app-1", new LocalDate(2025, 7, 5)), new LocalDate(2025, 7, 5)).Outcome);

        Assert.True(driver.State.IsFinal);
        Assert.Equal(Outcome.Rejected, driver.Send(new ApplicationClosed("app-2", new LocalDate(2025, 7, 6)), new LocalDate(2025, 7, 6)).Outcome);
    }
}
