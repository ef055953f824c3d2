using System.IdentityModel.Tokens.Jwt;
using System.Net;
using System.Security.Claims;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using NodaTime;
using SafetyCert.Domain.Grading;
using SafetyCert.Functions.Access;
using SafetyCert.Functions.Documents;
using SafetyCert.Host.Tests.Support;

namespace SafetyCert.Host.Tests.Api;

/// <summary>Values that name nothing (numbers for enum names, unknown regions and documents, left-out dates) are refused before anything is written.</summary>
public sealed class BadValueTests(AzuriteFixture azurite)
{
    private static readonly Instant Monday = Instant.FromUtc(2026, 3, 2, 1, 0);
    private static readonly Caller Enterprise = ApiHost.Enterprise(ApiSteps.EnterpriseId);
    private static readonly string Contacts = $"/api/enterprises/{ApiSteps.EnterpriseId}/contacts";

    [Theory]
    [InlineData("""{"order":1,"channel":"7","addresses":["a@example.cn"]}""", "channel")]
    [InlineData("""{"order":1,"channel":"0","addresses":["a@example.cn"]}""", "channel")]
    [InlineData("""{"order":1,"channel":"Email,Webhook","addresses":["a@example.cn"]}""", "channel")]
    [InlineData("""{"order":1,"channel":7,"addresses":["a@example.cn"]}""", "channel")]
    public async Task A_contact_channel_that_is_not_a_channel_name_is_refused_and_nothing_is_kept(string body, string field)
    {
        await using var host = await ApiHost.StartAsync(azurite, Monday);
        await ApiSteps.RegisterAsync(host);

        var refused = await host.SendAsync(HttpMethod.Put, Contacts, Enterprise, rawJson: body);

        Assert.Contains(field, await ApiSteps.AssertProblemAsync(refused, HttpStatusCode.BadRequest), StringComparison.Ordinal);
        Assert.Equal(0, (await ApiHost.JsonAsync(await host.GetAsync(Contacts, Enterprise))).GetArrayLength());
    }

    [Theory]
    [InlineData("/api/review-organizations", """{"id":"org-x","name":"X","regionCode":"640100","level":"0"}""", "level")]
    [InlineData("/api/review-organizations", """{"id":"org-x","name":"X","regionCode":"640100","level":2}""", "level")]
    [InlineData("/api/review-organizations", """{"id":"org-x","name":"X","regionCode":"999999","level":"Municipal"}""", "regionCode")]
    [InlineData("/api/review-organizations", """{"id":"org-x","name":"X","regionCode":"640199","level":"Municipal"}""", "regionCode")]
    [InlineData("/api/applications", """{"enterpriseId":"91640100MA76XQ124H","kind":"0","grade":"Level3","systemRunningSince":"2025-06-01","postAndProfessionalStandardizationDone":true,"dualPreventionInPlace":true}""", "kind")]
    [InlineData("/api/applications", """{"enterpriseId":"91640100MA76XQ124H","kind":"Initial","grade":"7","systemRunningSince":"2025-06-01","postAndProfessionalStandardizationDone":true,"dualPreventionInPlace":true}""", "grade")]
    [InlineData("/api/applications", """{"enterpriseId":"91640100MA76XQ124H","kind":"Initial","grade":"Level3","systemRunningSince":"9999-12-31","postAndProfessionalStandardizationDone":true,"dualPreventionInPlace":true}""", "systemRunningSince")]
    [InlineData("/api/applications", """{"enterpriseId":"91640100MA76XQ124H","kind":"Initial","grade":"Level3","systemRunningSince":"0001-01-01","postAndProfessionalStandardizationDone":true,"dualPreventionInPlace":true}""", "systemRunningSince")]
    [InlineData("/api/certificates/no-such/accidents", """{"deaths":1}""", "on")]
    [InlineData("/api/certificates/no-such/accidents", """{"on":"0001-01-01","deaths":1}""", "on")]
    [InlineData("/api/certificates/no-such/licence-renewal", """{}""", "validUntil")]
    public async Task Numbers_for_names_unknown_regions_and_missing_or_impossible_dates_are_a_400_naming_the_field(string path, string body, string field)
    {
        await using var host = await ApiHost.StartAsync(azurite, Monday);
        await ApiSteps.RegisterAsync(host);
        var caller = path.StartsWith("/api/applications", StringComparison.Ordinal) ? Enterprise : ApiHost.Admin;

        var refused = await host.SendAsync(HttpMethod.Post, path, caller, rawJson: body);

        Assert.Contains(field, await ApiSteps.AssertProblemAsync(refused, HttpStatusCode.BadRequest), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await host.GetAsync("/api/review-organizations/org-x", ApiHost.Admin)).StatusCode);
    }

    [Fact]
    public async Task A_review_unit_without_its_accreditation_date_is_refused()
    {
        await using var host = await ApiHost.StartAsync(azurite, Monday);
        await ApiSteps.RegisterAsync(host);

        var refused = await host.SendAsync(HttpMethod.Put, "/api/review-organizations/org-nx/units/unit-9", ApiHost.Admin,
            new { id = "unit-9", name = "Unit 9", approvedGrades = new[] { "Level3" }, industries = new[] { "chemicals" } });

        Assert.Contains("accreditedThrough", await ApiSteps.AssertProblemAsync(refused, HttpStatusCode.BadRequest), StringComparison.Ordinal);
        var units = await ApiHost.JsonAsync(await host.GetAsync("/api/review-organizations/org-nx/units", ApiHost.Admin));
        Assert.DoesNotContain(units.EnumerateArray(), u => u.GetProperty("id").GetString() == "unit-9");
    }

    [Fact]
    public async Task A_ledger_query_with_a_grade_number_is_refused()
    {
        await using var host = await ApiHost.StartAsync(azurite, Monday);

        var refused = await host.GetAsync("/api/ledger?level=1", ApiHost.Admin);

        Assert.Contains("level", await ApiSteps.AssertProblemAsync(refused, HttpStatusCode.BadRequest), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Administrator", null, null)]
    [InlineData("4", null, null)]
    [InlineData("Regulator", "0", "640100")]
    [InlineData("Regulator", "National, Provincial", "640100")]
    [InlineData("Regulator", "Municipal", "999999")]
    [InlineData("ReviewOrganization", null, "990000")]
    public async Task A_signed_token_whose_role_level_or_region_names_nothing_makes_no_caller(string role, string? level, string? region)
    {
        await using var host = await ApiHost.StartAsync(azurite, Monday);
        List<Claim> claims = [new("sub", "probe"), new(Caller.RoleClaim, role), new(Caller.BodyClaim, "org-nx")];
        if (level is not null)
        {
            claims.Add(new Claim(Caller.LevelClaim, level));
        }

        if (region is not null)
        {
            claims.Add(new Claim(Caller.RegionClaim, region));
        }

        var response = await host.SendAsync(HttpMethod.Get, "/api/ledger", caller: null, token: Sign(host, claims));

        // The first row is the control: a well-formed administrator token is accepted. The others are signed, but
        // their claims make no caller: 403 "do not make a complete caller".
        Assert.Equal(role == "Administrator" ? HttpStatusCode.OK : HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task A_revocation_whose_evidence_is_not_a_revocation_evidence_document_of_that_enterprise_is_a_422_and_starts_nothing()
    {
        await using var host = await ApiHost.StartAsync(azurite, Monday);
        await ApiSteps.RegisterAsync(host);
        await ApiSteps.SelfAssessAsync(host);
        var certificateId = await ApiSteps.CertifyAsync(host, new LocalDate(2026, 3, 10));
        var regulator = ApiHost.Regulator(ApiSteps.Yinchuan, RegulatorLevel.Municipal);
        var wrongKind = await ApiSteps.UploadAsync(host, DocumentKinds.VisitReports, "visit");
        var otherEnterprise = await ApiSteps.UploadAsync(host, DocumentKinds.RevocationEvidence, "elsewhere", enterpriseId: "91640100MA76XQ000D");
        string[] unknown = ["revocation-evidence-0123456789abcdef0123456789abcdef", wrongKind, otherEnterprise, "../../etc/passwd"];

        foreach (var evidence in unknown)
        {
            var refused = await host.PostAsync($"/api/certificates/{certificateId}/revocation", regulator,
                new { grounds = new[] { "UncontrolledHazard" }, reason = "Major hazard left uncontrolled.", evidenceDocumentIds = new[] { evidence } });
            Assert.Contains("evidenceDocumentIds", await ApiSteps.AssertProblemAsync(refused, (HttpStatusCode)422), StringComparison.Ordinal);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await host.GetAsync($"/api/workflows/revocation/{certificateId}", ApiHost.Admin)).StatusCode);
        Assert.Equal("Active", (await ApiHost.JsonAsync(await host.GetAsync($"/api/workflows/certificate/{certificateId}", ApiHost.Admin))).GetProperty("status").GetString());
    }

    private static string Sign(ApiHost host, IEnumerable<Claim> claims)
    {
        var jwt = host.App.Services.GetRequiredService<IOptions<JwtOptions>>().Value;
        var now = DateTime.UtcNow;
        var token = new JwtSecurityToken(jwt.Issuer, jwt.Audience, claims, now.AddMinutes(-1), now.AddMinutes(10),
            new SigningCredentials(TokenIssuer.KeyOf(jwt), SecurityAlgorithms.HmacSha256));
        return new JwtSecurityTokenHandler().WriteToken(token);
    }
}
