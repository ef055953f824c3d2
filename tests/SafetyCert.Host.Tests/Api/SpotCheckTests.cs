using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using SafetyCert.Domain.Grading;
using SafetyCert.Domain.Workflows;
using SafetyCert.Functions.Api.Certificates;
using SafetyCert.Functions.Api.SpotChecks;
using Microsoft.Azure.Functions.Worker;
using SafetyCert.Host.Tests.Support;

namespace SafetyCert.Host.Tests.Api;

/// <summary>The yearly spot check over real storage: drawn once per year and region, read back, and its notices.</summary>
public sealed class SpotCheckTests(AzuriteFixture azurite)
{
    private static readonly Instant January2027 = Instant.FromUtc(2027, 1, 20, 1, 0);

    [Fact]
    public async Task A_regulator_draws_its_regions_new_certificates_once_and_the_chosen_and_their_regulator_are_told()
    {
        var notices = new RecordingOutbox();
        await using var host = await ApiHost.StartAsync(azurite, January2027, notices);
        await SeedCertificatesAsync(host);
        var province = ApiHost.Regulator("640000", RegulatorLevel.Provincial);

        var first = await host.PostAsync("/api/spot-checks/2026", province, new { });
        Assert.True(first.StatusCode == HttpStatusCode.Created, await first.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var draw = await ApiHost.JsonAsync(first);
        // RULES.md §9 [004 §8]: at least 20 % of level 3 (10 → 2) and 30 % of level 2 (4 → 1.2, so 2); the 2025 and Beijing ones are not drawn from.
        var samples = draw.GetProperty("samples").EnumerateArray().ToDictionary(s => s.GetProperty("grade").GetString()!, s => s);
        Assert.Equal((10, 2), (samples["Level3"].GetProperty("population").GetInt32(), samples["Level3"].GetProperty("sampleSize").GetInt32()));
        Assert.Equal((4, 2), (samples["Level2"].GetProperty("population").GetInt32(), samples["Level2"].GetProperty("sampleSize").GetInt32()));
        var chosen = Chosen(draw);
        Assert.Equal(4, chosen.Count);
        Assert.All(chosen, id => Assert.StartsWith("cert-nx-2026-", id, StringComparison.Ordinal));

        // The same year and region again: the stored draw, not a new one.
        var again = await host.PostAsync("/api/spot-checks/2026", province, new { });
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var repeated = await ApiHost.JsonAsync(again);
        Assert.Equal(draw.GetProperty("seed").GetString(), repeated.GetProperty("seed").GetString());
        Assert.Equal(chosen, Chosen(repeated));
        var read = await ApiHost.JsonAsync(await host.GetAsync("/api/spot-checks/2026?region=640000", ApiHost.Admin));
        Assert.Equal(chosen, Chosen(read));

        // Each chosen certificate: its enterprise and its regulator, once, on the draw date.
        var sent = notices.Requests.ToList();
        Assert.Equal(8, sent.Count);
        Assert.All(sent, n => Assert.Equal(("spot-check", "2026-640000", NoticeKinds.SpotCheckSelected, new LocalDate(2027, 1, 20)), (n.Kind, n.InstanceId, n.Notice.Kind, n.Notice.DueDate)));
        Assert.Equal(chosen.Order(StringComparer.Ordinal), sent.Where(n => n.Notice.Recipient == Party.Enterprise)
            .Select(n => "cert-" + n.Notice.Facts[NoticeFactNames.EnterpriseId]).Order(StringComparer.Ordinal));
        Assert.Equal(4, sent.Count(n => n.Notice.Recipient == Party.Regulator && n.Notice.Facts.ContainsKey(NoticeFactNames.CertificateNumber)));
        // Each regulator copy names its tier, so it reaches the regulator that announced the grade.
        Assert.All(sent.Where(n => n.Notice.Recipient == Party.Regulator), n => Assert.StartsWith("regulator:640", Functions.Notifications.Contacts.RecipientScope.Of(n.Notice), StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_draw_is_refused_outside_the_callers_region_before_the_year_is_over_and_for_an_unnamed_region()
    {
        await using var host = await ApiHost.StartAsync(azurite, January2027);
        await SeedCertificatesAsync(host);
        await ApiSteps.AssertProblemAsync(await host.PostAsync("/api/spot-checks/2026?region=640000", ApiHost.Regulator("110000", RegulatorLevel.Provincial), new { }), HttpStatusCode.Forbidden);
        await ApiSteps.AssertProblemAsync(await host.PostAsync("/api/spot-checks/2026", ApiHost.Enterprise(ApiSteps.EnterpriseId), new { }), HttpStatusCode.Forbidden);
        await ApiSteps.AssertProblemAsync(await host.PostAsync("/api/spot-checks/2027", ApiHost.Regulator("640000", RegulatorLevel.Provincial), new { }), HttpStatusCode.BadRequest);
        await ApiSteps.AssertProblemAsync(await host.PostAsync("/api/spot-checks/2026", ApiHost.Admin, new { }), HttpStatusCode.BadRequest);
        await ApiSteps.AssertProblemAsync(await host.GetAsync("/api/spot-checks/2026?region=640000", ApiHost.Admin), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_yearly_function_draws_the_previous_year_for_every_province_with_certificates_and_keeps_an_earlier_draw()
    {
        await using var host = await ApiHost.StartAsync(azurite, January2027, new RecordingOutbox());
        await SeedCertificatesAsync(host);
        var early = await ApiHost.JsonAsync(await host.PostAsync("/api/spot-checks/2026", ApiHost.Regulator("640000", RegulatorLevel.Provincial), new { }));

        var function = ActivatorUtilities.CreateInstance<SpotCheckDrawFunction>(host.App.Services);
        // RULES.md §9: once a year, 15 January 09:00 in Beijing (01:00 UTC).
        Assert.Equal(new DateTimeOffset(2028, 1, 15, 1, 0, 0, TimeSpan.Zero), TimerSchedule.NextAfter<SpotCheckDrawFunction>(new DateTimeOffset(2027, 1, 15, 1, 0, 0, TimeSpan.Zero)));
        await function.RunAsync(new TimerInfo(), TestContext.Current.CancellationToken);

        var book = host.App.Services.GetRequiredService<SpotCheckBook>();
        var ningxia = await book.GetAsync(2026, "640000", TestContext.Current.CancellationToken);
        Assert.Equal(early.GetProperty("seed").GetString(), ningxia!.Seed);
        var beijing = await book.GetAsync(2026, "110000", TestContext.Current.CancellationToken);
        Assert.Equal(["cert-bj-2026"], beijing!.Samples.SelectMany(s => s.ChosenCertificateIds));
        Assert.Null(await book.GetAsync(2025, "640000", TestContext.Current.CancellationToken));
    }

    private static List<string> Chosen(JsonElement draw) =>
        [.. draw.GetProperty("samples").EnumerateArray().SelectMany(s => s.GetProperty("chosenCertificateIds").EnumerateArray().Select(i => i.GetString()!)).Order(StringComparer.Ordinal)];

    /// <summary>2026: ten level 3 certificates in Yinchuan, four level 2 in Shizuishan, one level 3 in Beijing; one Yinchuan one of 2025.</summary>
    private static async Task SeedCertificatesAsync(ApiHost host)
    {
        var index = host.App.Services.GetRequiredService<CertificateIndex>();
        var ct = TestContext.Current.CancellationToken;
        async Task AddAsync(string id, string region, Grade grade, LocalDate issuedOn) =>
            await index.AddAsync(new CertificateRecord("cert-" + id, "N-" + id, id, region, "chemicals", grade, "ningxia-2017", issuedOn, "app-" + id), ct);
        for (var i = 0; i < 10; i++)
        {
            await AddAsync($"nx-2026-l3-{i:00}", "640100", Grade.Level3, new LocalDate(2026, 4, 1 + i));
        }

        for (var i = 0; i < 4; i++)
        {
            await AddAsync($"nx-2026-l2-{i}", "640200", Grade.Level2, new LocalDate(2026, 6, 1 + i));
        }

        await AddAsync("nx-2025", "640100", Grade.Level3, new LocalDate(2025, 11, 3));
        await AddAsync("bj-2026", "110105", Grade.Level3, new LocalDate(2026, 5, 5));
    }
}
