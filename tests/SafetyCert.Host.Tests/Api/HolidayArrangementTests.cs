using System.Net;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using SafetyCert.Domain.Calendar;
using SafetyCert.Domain.Grading;
using SafetyCert.Domain.Workflows;
using SafetyCert.Functions.Api.Holidays;
using Microsoft.Azure.Functions.Worker;
using SafetyCert.Host.Tests.Support;

namespace SafetyCert.Host.Tests.Api;

/// <summary>Holiday arrangements entered by an administrator, loaded at the next start, and the December check that one is there.</summary>
public sealed class HolidayArrangementTests(AzuriteFixture azurite)
{
    private static readonly Instant December2026 = Instant.FromUtc(2026, 12, 1, 1, 0);

    private static readonly object[] Arrangement2027 =
    [
        new { date = "2026-12-26", kind = "work", name = "元旦" },
        new { date = "2027-01-01", kind = "off", name = "元旦" },
        new { date = "2027-01-04", kind = "off", name = "元旦" },
        new { date = "2027-02-20", kind = "work", name = "春节" },
    ];

    [Fact]
    public async Task Bad_rows_are_each_named_in_one_problem_and_nothing_is_stored()
    {
        await using var host = await ApiHost.StartAsync(azurite, December2026);
        var rows = new object[]
        {
            new { date = "2027-01-01", kind = "off", name = "元旦" },
            new { date = "2027-01-05", kind = "work", name = "元旦" },
            new { date = "2025-10-01", kind = "off", name = "国庆节" },
            new { date = "2026-12-28", kind = "off", name = "元旦" },
            new { date = "2027-02-10", kind = "holiday", name = "春节" },
            new { date = "2027-01-01", kind = "off", name = "元旦" },
        };
        var problem = await ApiSteps.AssertProblemAsync(await host.SendAsync(HttpMethod.Put, "/api/calendar/2027", ApiHost.Admin, new { days = rows }), HttpStatusCode.BadRequest);
        foreach (var expected in new[] { "days[1].kind", "2027-01-05 is a Tuesday", "days[2].date", "days[3].date", "days[4].kind", "days[5].date" })
        {
            Assert.Contains(expected, problem, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("days[0]", problem, StringComparison.Ordinal);
        await ApiSteps.AssertProblemAsync(await host.SendAsync(HttpMethod.Put, "/api/calendar/2027", ApiHost.Regulator("640000", RegulatorLevel.Provincial), new { days = Arrangement2027 }), HttpStatusCode.Forbidden);
        await ApiSteps.AssertProblemAsync(await host.SendAsync(HttpMethod.Put, "/api/calendar/2027", ApiHost.Admin, new { days = Array.Empty<object>() }), HttpStatusCode.BadRequest);
        var status = await ApiHost.JsonAsync(await host.GetAsync("/api/calendar/2027", ApiHost.Enterprise(ApiSteps.EnterpriseId)));
        Assert.Equal((false, false), (status.GetProperty("published").GetBoolean(), status.GetProperty("stored").GetBoolean()));
    }

    [Fact]
    public async Task A_stored_year_is_in_force_after_the_next_start_and_the_december_check_stops_asking_once_it_is_stored()
    {
        var prefix = AzuriteFixture.NewPrefix();
        var notices = new RecordingOutbox();
        await using (var host = await ApiHost.StartAsync(azurite, December2026, notices, prefix))
        {
            // The 2026 arrangement ships with the product; 2027 is not out yet.
            Assert.True((await ApiHost.JsonAsync(await host.GetAsync("/api/calendar/2026", ApiHost.Admin))).GetProperty("published").GetBoolean());
            var check = ActivatorUtilities.CreateInstance<HolidayArrangementCheckFunction>(host.App.Services);
            Assert.Equal(new DateTimeOffset(2026, 12, 2, 1, 0, 0, TimeSpan.Zero), TimerSchedule.NextAfter<HolidayArrangementCheckFunction>(new DateTimeOffset(2026, 12, 1, 1, 0, 0, TimeSpan.Zero)));
            await check.RunAsync(new TimerInfo(), TestContext.Current.CancellationToken);
            var notice = Assert.Single(notices.Requests).Notice;
            Assert.Equal((NoticeKinds.HolidayArrangementMissing, Party.Administrator, new LocalDate(2026, 12, 1)), (notice.Kind, notice.Recipient, notice.DueDate));

            var put = await host.SendAsync(HttpMethod.Put, "/api/calendar/2027", ApiHost.Admin, new { days = Arrangement2027 });
            Assert.True(put.StatusCode == HttpStatusCode.OK, await put.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
            var stored = await ApiHost.JsonAsync(put);
            Assert.Equal((false, true, 4), (stored.GetProperty("published").GetBoolean(), stored.GetProperty("stored").GetBoolean(), stored.GetProperty("days").GetArrayLength()));
            await check.RunAsync(new TimerInfo(), TestContext.Current.CancellationToken);
            Assert.Single(notices.Requests);
        }

        await using var restarted = await ApiHost.StartAsync(azurite, December2026, null, prefix);
        Assert.True((await ApiHost.JsonAsync(await restarted.GetAsync("/api/calendar/2027", ApiHost.Admin))).GetProperty("published").GetBoolean());
        var calendar = restarted.App.Services.GetRequiredService<WorkingDayCalendar>();
        // The arrangement as entered: Friday 1 January off, Saturday 20 February and Saturday 26 December 2026 worked.
        Assert.Equal((false, true, true), (calendar.IsWorkingDay(new LocalDate(2027, 1, 1)), calendar.IsWorkingDay(new LocalDate(2027, 2, 20)), calendar.IsWorkingDay(new LocalDate(2026, 12, 26))));
    }

    // A past-due run uses its occurrence's date: the 31 December check that catches up on 2 January asks about 2027, not 2028.
    [Fact]
    public async Task A_december_check_catching_up_in_january_asks_about_the_year_after_its_own_date()
    {
        var notices = new RecordingOutbox();
        await using var host = await ApiHost.StartAsync(azurite, Instant.FromUtc(2027, 1, 2, 3, 0), notices);
        var check = ActivatorUtilities.CreateInstance<HolidayArrangementCheckFunction>(host.App.Services);
        var missed = new TimerInfo
        {
            IsPastDue = true,
            ScheduleStatus = new ScheduleStatus { Last = new DateTime(2026, 12, 30, 1, 0, 0, DateTimeKind.Utc), Next = new DateTime(2026, 12, 31, 1, 0, 0, DateTimeKind.Utc), LastUpdated = new DateTime(2026, 12, 30, 1, 0, 0, DateTimeKind.Utc) },
        };

        await check.RunAsync(missed, TestContext.Current.CancellationToken);

        var notice = Assert.Single(notices.Requests).Notice;
        Assert.Equal(("2027", new LocalDate(2026, 12, 31)), (notice.Facts["year"], notice.DueDate));
    }
}
