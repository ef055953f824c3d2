using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using NodaTime;
using SafetyCert.Domain.Grading;
using SafetyCert.Functions.Access;
using SafetyCert.Functions.Workflows;
using SafetyCert.Host.Tests.Api;
using SafetyCert.Host.Tests.Support;

namespace SafetyCert.Host.Tests.Attacks;

/// <summary>
/// The standing table of bad inputs and attacks over the HTTP functions: wrong, forged and expired tokens, claims that
/// make no caller, cross-role and cross-region calls, malformed JSON, wrong types, impossible dates, oversize values and
/// uploads, forbidden uploads, path tricks, replays and steps out of order. Each must answer its status with a
/// ProblemDetails naming the problem, and leave every table, queue and blob container as it was.
/// </summary>
public sealed class BadInputSuiteTests(AzuriteFixture azurite)
{
    private const string Key = "suite-accident-key";
    private static readonly Instant Monday = Instant.FromUtc(2026, 3, 2, 1, 0);
    private static readonly Caller Enterprise = ApiHost.Enterprise(ApiSteps.EnterpriseId);
    private static readonly Caller Other = ApiHost.Enterprise("91640100MA76XQ000D");
    private static readonly Caller Organization = ApiHost.Organization("org-nx", ApiSteps.Yinchuan);
    private static readonly Caller BeijingOrganization = ApiHost.Organization("org-bj", "110000");
    private static readonly Caller Regulator = ApiHost.Regulator(ApiSteps.Yinchuan, RegulatorLevel.Municipal);
    private static readonly Caller BeijingRegulator = ApiHost.Regulator("110000", RegulatorLevel.Provincial);
    private static readonly Caller Ghost = ApiHost.Unit("ghost-unit");

    [Fact]
    public async Task Every_bad_input_is_refused_with_a_problem_naming_it_and_nothing_is_written()
    {
        var ct = TestContext.Current.CancellationToken;
        var prefix = AzuriteFixture.NewPrefix();
        await using var host = await ApiHost.StartAsync(azurite, Monday, new RecordingOutbox(), prefix);
        await ApiSteps.RegisterAsync(host);
        await ApiSteps.SelfAssessAsync(host);
        var (applicationId, certificateId) = await ApiSteps.CertifyApplicationAsync(host, new LocalDate(2026, 3, 10));
        Assert.Equal(HttpStatusCode.Created, (await host.PostAsync("/api/review-organizations", ApiHost.Admin, new { id = "org-nx-2", name = "Second centre", regionCode = ApiSteps.Yinchuan, level = "Municipal" })).StatusCode);
        using (var keyed = new HttpRequestMessage(HttpMethod.Post, $"/api/certificates/{certificateId}/accidents") { Content = JsonContent.Create(new { on = "2026-03-10", deaths = 0 }) })
        {
            keyed.Headers.Authorization = new AuthenticationHeaderValue("Bearer", host.TokenFor(Regulator));
            keyed.Headers.Add("Idempotency-Key", Key);
            Assert.Equal(HttpStatusCode.OK, (await host.Client.SendAsync(keyed, ct)).StatusCode);
        }

        // The sweep's first run writes its watermark: run it now, so the minute timer does not write during the cases.
        await host.App.Services.GetRequiredService<DueIndexSweeper>().CatchUpAsync(host.App.Services.GetRequiredService<DurableTaskClient>(), host.Clock.GetCurrentInstant(), ct);
        var cases = Cases(applicationId, certificateId);
        Assert.True(cases.Count >= 200, $"Only {cases.Count} cases.");
        await SettleAsync(prefix, ct);
        var before = await StorageSnapshot.TakeAsync(azurite.ConnectionString, prefix, ct);
        var wrong = new List<string>();
        var written = new List<string>();
        foreach (var attack in cases)
        {
            using var request = new HttpRequestMessage(attack.Method, attack.Path) { Content = attack.Content?.Invoke() };
            var token = attack.Token ?? (attack.Caller is { } caller ? host.TokenFor(caller) : null);
            if (token is not null)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            }

            foreach (var (name, value) in attack.Headers ?? new Dictionary<string, string>())
            {
                request.Headers.TryAddWithoutValidation(name, value);
            }

            using var response = await host.Client.SendAsync(request, ct);
            var text = await response.Content.ReadAsStringAsync(ct);
            if (response.StatusCode != attack.Status
                || response.Content.Headers.ContentType?.MediaType != "application/problem+json"
                || !text.Contains(attack.Names, StringComparison.OrdinalIgnoreCase)
                || !StatusIsHttpStatus(text, response.StatusCode))
            {
                wrong.Add($"{attack.Name}: expected {(int)attack.Status} naming '{attack.Names}', got {(int)response.StatusCode} {response.Content.Headers.ContentType?.MediaType}: {Shorten(text)}");
            }

            var after = await StorageSnapshot.TakeAsync(azurite.ConnectionString, prefix, ct);
            if (after.ChangesSince(before) is { Count: > 0 } changes)
            {
                written.Add($"{attack.Name}: {string.Join("; ", changes)}");
                before = after;
            }
        }

        var summary = $"{cases.Count} tried, {cases.Count - wrong.Count} answered correctly, {(written.Count == 0 ? "nothing written" : $"{written.Count} wrote")}";
        TestContext.Current.SendDiagnosticMessage(summary);
        TestContext.Current.TestOutputHelper?.WriteLine(summary);
        Console.WriteLine(summary);
        Assert.True(wrong.Count == 0 && written.Count == 0, $"{summary}\n{string.Join("\n", wrong.Concat(written))}");
    }

    /// <summary>RFC 9457: the problem's <c>status</c> member is the HTTP status as a number; a workflow's state goes elsewhere.</summary>
    private static bool StatusIsHttpStatus(string problem, HttpStatusCode status)
    {
        try
        {
            using var json = System.Text.Json.JsonDocument.Parse(problem);
            return json.RootElement.TryGetProperty("status", out var member) && member.ValueKind == System.Text.Json.JsonValueKind.Number && member.GetInt32() == (int)status;
        }
        catch (System.Text.Json.JsonException)
        {
            return false;
        }
    }

    /// <summary>Waits until the set-up's own work (orchestrations continuing, confirmations) stops changing storage.</summary>
    private async Task SettleAsync(string prefix, CancellationToken ct)
    {
        var last = await StorageSnapshot.TakeAsync(azurite.ConnectionString, prefix, ct);
        for (var quiet = 0; quiet < 3;)
        {
            await Task.Delay(1000, ct);
            var now = await StorageSnapshot.TakeAsync(azurite.ConnectionString, prefix, ct);
            quiet = now.ChangesSince(last).Count == 0 ? quiet + 1 : 0;
            last = now;
        }
    }

    private static string Shorten(string text) => text.Length <= 300 ? text : text[..300] + "…";

    private static Func<HttpContent?> Json(object body) => () => JsonContent.Create(body);

    private static Func<HttpContent?> Raw(string text, string mediaType = "application/json") => () => new StringContent(text, Encoding.UTF8, mediaType);

    private static List<AttackCase> Cases(string applicationId, string certificateId)
    {
        var e = ApiSteps.EnterpriseId;
        var cases = new List<AttackCase>();
        void Add(string name, HttpMethod method, string path, Caller? caller, HttpStatusCode status, string names, Func<HttpContent?>? content = null, string? token = null, Dictionary<string, string>? headers = null) =>
            cases.Add(new AttackCase(name, method, path, caller, status, names, content, token, headers));

        // 1. Tokens: missing, garbage, another key (with a key id), alg=none, expired, for another audience, another scheme.
        var key = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(ApiHost.SigningKey));
        var foreign = new SymmetricSecurityKey(Encoding.UTF8.GetBytes("a-completely-different-signing-key-0123456789")) { KeyId = "kid-secret-7" };
        string Mint(SymmetricSecurityKey? signing, Dictionary<string, object> claims, DateTime? expires = null, string audience = "safetycert", DateTime? notBefore = null) =>
            new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
            {
                Issuer = "safetycert-dev",
                Audience = audience,
                Claims = claims,
                NotBefore = notBefore ?? DateTime.UtcNow.AddHours(-2),
                IssuedAt = notBefore ?? DateTime.UtcNow.AddHours(-2),
                Expires = expires ?? DateTime.UtcNow.AddHours(1),
                SigningCredentials = signing is null ? null : new SigningCredentials(signing, SecurityAlgorithms.HmacSha256),
            });
        var admin = new Dictionary<string, object> { ["sub"] = "mallory", ["role"] = "Administrator" };
        var tokens = new (string Name, string? Token, Dictionary<string, string>? Headers)[]
        {
            ("no token", null, null),
            ("garbage token", "not-a-jwt", null),
            ("token of another key", Mint(foreign, admin), null),
            ("unsigned token (alg none)", Mint(null, admin), null),
            ("expired token", Mint(key, admin, DateTime.UtcNow.AddHours(-1)), null),
            ("token for another audience", Mint(key, admin, audience: "someone-else"), null),
            ("basic credentials", null, new Dictionary<string, string> { ["Authorization"] = "Basic YWRtaW46YWRtaW4=" }),
        };
        var endpoints = new (HttpMethod Method, string Path, Func<HttpContent?>? Body)[]
        {
            (HttpMethod.Get, $"/api/enterprises/{e}", null),
            (HttpMethod.Get, $"/api/certificates/{certificateId}", null),
            (HttpMethod.Get, $"/api/applications/{applicationId}", null),
            (HttpMethod.Get, "/api/ledger", null),
            (HttpMethod.Get, $"/api/workflows/certificate/{certificateId}/history", null),
            (HttpMethod.Get, $"/api/enterprises/{e}/documents", null),
            (HttpMethod.Post, "/api/enterprises", Json(new { code = "91640100MA76XQ999M", name = "x", regionCode = "640100", industry = "chemicals" })),
            (HttpMethod.Post, "/api/applications", Json(ApiSteps.Submission())),
            (HttpMethod.Post, $"/api/certificates/{certificateId}/accidents", Json(new { on = "2026-03-10", deaths = 3 })),
            (HttpMethod.Post, $"/api/certificates/{certificateId}/revocation", Json(new { grounds = new[] { "UncontrolledHazard" }, reason = "x", evidenceDocumentIds = new[] { "d" } })),
        };
        foreach (var (method, path, body) in endpoints)
        {
            foreach (var (name, token, headers) in tokens)
            {
                Add($"{name}: {method} {path}", method, path, null, HttpStatusCode.Unauthorized, "token", body, token, headers);
            }
        }

        // 2. Signed tokens whose claims make no caller: numeric role or level, scope missing, unknown region.
        var claims = new (string Name, Dictionary<string, object> Claims)[]
        {
            ("numeric role", new() { ["sub"] = "m", ["role"] = "4" }),
            ("numeric level", new() { ["sub"] = "m", ["role"] = "Regulator", ["region"] = "640000", ["level"] = "0" }),
            ("enterprise without enterprise_id", new() { ["sub"] = "m", ["role"] = "Enterprise" }),
            ("regulator of an unknown region", new() { ["sub"] = "m", ["role"] = "Regulator", ["region"] = "999999", ["level"] = "Provincial" }),
            ("no role", new() { ["sub"] = "m" }),
            ("unknown role", new() { ["sub"] = "m", ["role"] = "Root" }),
        };
        foreach (var (name, claimSet) in claims)
        {
            Add($"{name}: GET ledger", HttpMethod.Get, "/api/ledger", null, HttpStatusCode.Forbidden, "claims", token: Mint(key, claimSet));
            Add($"{name}: POST enterprises", HttpMethod.Post, "/api/enterprises", null, HttpStatusCode.Forbidden, "claims", Json(new { code = "91640100MA76XQ999M", name = "x", regionCode = "640100", industry = "chemicals" }), Mint(key, claimSet));
        }

        var submission = new Dictionary<string, object?> { ["enterpriseId"] = e, ["kind"] = "Initial", ["grade"] = "Level2", ["systemRunningSince"] = "2025-06-01", ["postAndProfessionalStandardizationDone"] = true, ["dualPreventionInPlace"] = true };

        // 3. Cross-role and cross-region: outside its scope a caller finds nothing (404); inside it, a step not its own is 403.
        var revocation = new { grounds = new[] { "UncontrolledHazard" }, reason = "Hazard left uncontrolled.", evidenceDocumentIds = new[] { "doc-1" } };
        Add("enterprise registers an enterprise", HttpMethod.Post, "/api/enterprises", Enterprise, HttpStatusCode.Forbidden, "regulator", Json(new { code = e, name = "x", regionCode = "640100", industry = "chemicals" }));
        Add("Beijing regulator registers in Ningxia", HttpMethod.Post, "/api/enterprises", BeijingRegulator, HttpStatusCode.Forbidden, "640100", Json(new { code = e, name = "x", regionCode = "640100", industry = "chemicals" }));
        Add("another enterprise reads the enterprise", HttpMethod.Get, $"/api/enterprises/{e}", Other, HttpStatusCode.NotFound, "does not exist");
        Add("Beijing regulator reads the certificate", HttpMethod.Get, $"/api/certificates/{certificateId}", BeijingRegulator, HttpStatusCode.NotFound, "does not exist");
        Add("Beijing regulator revokes", HttpMethod.Post, $"/api/certificates/{certificateId}/revocation", BeijingRegulator, HttpStatusCode.NotFound, "does not exist", Json(revocation));
        Add("review organization revokes", HttpMethod.Post, $"/api/certificates/{certificateId}/revocation", Organization, HttpStatusCode.Forbidden, "regulator", Json(revocation));
        Add("provincial regulator revokes a level-3 certificate", HttpMethod.Post, $"/api/certificates/{certificateId}/revocation", ApiHost.Regulator("640000", RegulatorLevel.Provincial), HttpStatusCode.Forbidden, "Municipal", Json(revocation));
        Add("another enterprise reads the application", HttpMethod.Get, $"/api/applications/{applicationId}", Other, HttpStatusCode.NotFound, "does not exist");
        Add("Beijing organization reviews materials", HttpMethod.Post, $"/api/applications/{applicationId}/material-review", BeijingOrganization, HttpStatusCode.NotFound, "does not exist", Json(new { accepted = true }));
        Add("unassigned unit reports", HttpMethod.Post, $"/api/applications/{applicationId}/report", Ghost, HttpStatusCode.NotFound, "does not exist", Json(new { passed = true, findings = "ok" }));
        Add("other drawn unit starts remediation", HttpMethod.Post, $"/api/applications/{applicationId}/remediation-start", ApiHost.Unit("unit-2"), HttpStatusCode.NotFound, "does not exist", Json(new { }));
        Add("organization withdraws for the enterprise", HttpMethod.Post, $"/api/applications/{applicationId}/withdrawal", Organization, HttpStatusCode.Forbidden, "enterprise", Json(new { }));
        Add("enterprise announces", HttpMethod.Post, $"/api/applications/{applicationId}/announcement", Enterprise, HttpStatusCode.Forbidden, "regulator", Json(new { }));
        Add("enterprise draws", HttpMethod.Post, $"/api/applications/{applicationId}/draw", Enterprise, HttpStatusCode.Forbidden, "review organization", Json(new { }));
        Add("enterprise approves a review organization", HttpMethod.Post, "/api/review-organizations", Enterprise, HttpStatusCode.Forbidden, "regulator", Json(new { id = "org-x", name = "x", regionCode = "640100", level = "Municipal" }));
        Add("organization approves its own unit", HttpMethod.Put, "/api/review-organizations/org-nx/units/unit-x", Organization, HttpStatusCode.Forbidden, "regulator", Json(new { id = "unit-x", name = "x", approvedGrades = new[] { "Level3" }, industries = new[] { "chemicals" }, accreditedThrough = "2027-12-31" }));
        Add("enterprise reads the units", HttpMethod.Get, "/api/review-organizations/org-nx/units", Enterprise, HttpStatusCode.NotFound, "does not exist");
        Add("enterprise reads the ledger", HttpMethod.Get, "/api/ledger", Enterprise, HttpStatusCode.Forbidden, "ledger");
        Add("Beijing regulator reads Ningxia's ledger", HttpMethod.Get, "/api/ledger?region=640000", BeijingRegulator, HttpStatusCode.Forbidden, "ledger");
        Add("enterprise draws spot checks", HttpMethod.Post, "/api/spot-checks/2026", Enterprise, HttpStatusCode.Forbidden, "regulator", Json(new { }));
        Add("organization keeps the enterprise's contacts", HttpMethod.Put, $"/api/enterprises/{e}/contacts", Organization, HttpStatusCode.Forbidden, "contacts", Json(new { order = 1, channel = "Email", addresses = new[] { "a@b.cn" } }));
        Add("another enterprise reads the documents", HttpMethod.Get, $"/api/enterprises/{e}/documents", Other, HttpStatusCode.NotFound, e);
        Add("unassigned unit files a review report", HttpMethod.Post, $"/api/enterprises/{e}/documents", Ghost, HttpStatusCode.Forbidden, "review-reports", Upload("review-reports", "report.pdf", "application/pdf", Pdf()));
        Add("enterprise records a return", HttpMethod.Post, $"/api/certificates/{certificateId}/returns", Enterprise, HttpStatusCode.Forbidden, "review organization", Json(new { item = "certificate" }));
        Add("enterprise lapses its licence", HttpMethod.Post, $"/api/certificates/{certificateId}/licence-lapse", Enterprise, HttpStatusCode.Forbidden, "regulator", Json(new { }));
        Add("Beijing regulator lapses the licence", HttpMethod.Post, $"/api/certificates/{certificateId}/licence-lapse", BeijingRegulator, HttpStatusCode.NotFound, "does not exist", Json(new { }));
        Add("another enterprise reads the workflow", HttpMethod.Get, $"/api/workflows/certificate/{certificateId}", Other, HttpStatusCode.NotFound, "does not exist");
        Add("Beijing regulator reads the history", HttpMethod.Get, $"/api/workflows/application/{applicationId}/history", BeijingRegulator, HttpStatusCode.NotFound, "does not exist");
        Add("another enterprise reports an accident", HttpMethod.Post, $"/api/certificates/{certificateId}/accidents", Other, HttpStatusCode.NotFound, "does not exist", Json(new { on = "2026-03-10", deaths = 1 }));
        Add("regulator enters a holiday arrangement", HttpMethod.Put, "/api/calendar/2027", Regulator, HttpStatusCode.Forbidden, "administrator", Json(new { days = Array.Empty<object>() }));

        // The read endpoints: lists, deadlines, work queues and the eligibility check.
        Add("no token: GET me", HttpMethod.Get, "/api/me", null, HttpStatusCode.Unauthorized, "token");
        Add("another enterprise lists the applications", HttpMethod.Get, $"/api/enterprises/{e}/applications", Other, HttpStatusCode.NotFound, "does not exist");
        Add("Beijing regulator lists the certificates", HttpMethod.Get, $"/api/enterprises/{e}/certificates", BeijingRegulator, HttpStatusCode.NotFound, "does not exist");
        Add("unit lists the deadlines", HttpMethod.Get, $"/api/enterprises/{e}/deadlines", Ghost, HttpStatusCode.NotFound, "does not exist");
        Add("Beijing organization reads Ningxia's queue", HttpMethod.Get, "/api/review-organizations/org-nx/queue", BeijingOrganization, HttpStatusCode.NotFound, "does not exist");
        Add("queue of an unknown stage", HttpMethod.Get, "/api/review-organizations/org-nx/queue?stage=Bogus", Organization, HttpStatusCode.BadRequest, "stage");
        Add("another unit reads the assignments", HttpMethod.Get, "/api/review-units/unit-1/assignments", ApiHost.Unit("unit-2"), HttpStatusCode.NotFound, "does not exist");
        Add("eligibility with a numeric grade", HttpMethod.Post, "/api/applications/eligibility", Enterprise, HttpStatusCode.BadRequest, "grade", Json(With(submission, "grade", "3")));
        Add("eligibility of another enterprise", HttpMethod.Post, "/api/applications/eligibility", Other, HttpStatusCode.Forbidden, "enterprise", Json(submission));

        // 4. Bodies that are not the JSON object asked for, on every kind of write.
        var writes = new (HttpMethod Method, string Path, Caller Caller)[]
        {
            (HttpMethod.Post, "/api/enterprises", Regulator),
            (HttpMethod.Post, "/api/applications", Enterprise),
            (HttpMethod.Post, $"/api/certificates/{certificateId}/accidents", Regulator),
            (HttpMethod.Post, $"/api/certificates/{certificateId}/revocation", Regulator),
            (HttpMethod.Put, $"/api/enterprises/{e}/contacts", Enterprise),
            (HttpMethod.Post, "/api/review-organizations", ApiHost.Admin),
            (HttpMethod.Put, "/api/review-organizations/org-nx/units/unit-z", ApiHost.Admin),
            (HttpMethod.Put, $"/api/enterprises/{e}/licence", Enterprise),
        };
        var bodies = new (string Name, Func<HttpContent?>? Content, HttpStatusCode Status)[]
        {
            ("cut-off JSON", Raw("{"), HttpStatusCode.BadRequest),
            ("an array", Raw("[]"), HttpStatusCode.BadRequest),
            ("a string", Raw("\"text\""), HttpStatusCode.BadRequest),
            ("null", Raw("null"), HttpStatusCode.BadRequest),
            ("no body", null, HttpStatusCode.BadRequest),
            ("plain text", Raw("name=x", "text/plain"), HttpStatusCode.UnsupportedMediaType),
            ("trailing garbage", Raw("{} }"), HttpStatusCode.BadRequest),
        };
        foreach (var (method, path, caller) in writes)
        {
            foreach (var (name, content, status) in bodies)
            {
                Add($"{name}: {method} {path}", method, path, caller, status, "body", content);
            }
        }

        // 5. Fields: wrong types, numeric enums, impossible and out-of-range dates, oversize values, forbidden targets.
        var registration = new Dictionary<string, object?> { ["code"] = "91640100MA76XQ999M", ["name"] = "Helan Metals", ["regionCode"] = "640100", ["industry"] = "chemicals", ["licenceRequired"] = true, ["licenceValidUntil"] = "2028-12-31" };
        foreach (var (field, value) in new (string, object?)[]
        {
            ("regionCode", "999999"), ("regionCode", 640100), ("name", new string('名', 201)), ("licenceValidUntil", "2026-02-30"), ("licenceValidUntil", "9999-12-31"),
            ("licenceValidUntil", "1899-12-31"), ("licenceValidUntil", 20261231), ("licenceValidUntil", "31/12/2026"), ("licenceRequired", "yes"), ("consultingProvider", new string('x', 201)),
        })
        {
            Add($"registration {field} = {Label(value)}", HttpMethod.Post, "/api/enterprises", Regulator, HttpStatusCode.BadRequest, field, Json(With(registration, field, value)));
        }

        foreach (var (field, value) in new (string, object?)[]
        {
            ("kind", null), ("grade", null), ("grade", "3"), ("grade", 3), ("grade", "Level9"), ("kind", "0"), ("systemRunningSince", "2026-13-01"), ("systemRunningSince", "9999-12-31"),
            ("enterpriseId", new string('9', 101)), ("postAndProfessionalStandardizationDone", "true"), ("previousCertificateId", new string('c', 101)),
        })
        {
            Add($"application {field} = {Label(value)}", HttpMethod.Post, "/api/applications", Enterprise, HttpStatusCode.BadRequest, field, Json(With(submission, field, value)));
        }

        Add("renewal without the certificate it renews", HttpMethod.Post, "/api/applications", Enterprise, HttpStatusCode.BadRequest, "previousCertificateId", Json(With(submission, "kind", "Renewal")));
        var accident = new Dictionary<string, object?> { ["on"] = "2026-03-10", ["deaths"] = 1 };
        foreach (var (field, value) in new (string, object?)[]
        {
            ("deaths", -1), ("deaths", null), ("on", null), ("on", "2026-02-29"), ("deaths", "two"), ("deaths", 1.5), ("on", "2300-01-01"), ("concealedOrLate", "no"), ("deaths", 99999999999),
        })
        {
            Add($"accident {field} = {value}", HttpMethod.Post, $"/api/certificates/{certificateId}/accidents", Regulator, HttpStatusCode.BadRequest, field, Json(With(accident, field, value)));
        }

        var revoke = new Dictionary<string, object?> { ["grounds"] = new[] { "UncontrolledHazard" }, ["reason"] = "Hazard left uncontrolled.", ["evidenceDocumentIds"] = new[] { "doc-1" } };
        foreach (var (field, value) in new (string, object?)[]
        {
            ("grounds", new[] { "7" }), ("grounds", new[] { "Whatever" }), ("reason", new string('理', 4001)), ("evidenceDocumentIds", Enumerable.Range(0, 21).Select(i => $"doc-{i}").ToArray()),
            ("on", "2026-02-30"), ("grounds", "UncontrolledHazard"),
        })
        {
            Add($"revocation {field}", HttpMethod.Post, $"/api/certificates/{certificateId}/revocation", Regulator, HttpStatusCode.BadRequest, field, Json(With(revoke, field, value)));
        }

        Add("revocation on evidence that does not exist", HttpMethod.Post, $"/api/certificates/{certificateId}/revocation", Regulator, HttpStatusCode.UnprocessableEntity, "evidenceDocumentIds", Json(revoke));
        var contacts = $"/api/enterprises/{e}/contacts";
        foreach (var (name, body, field) in new (string, object, string)[]
        {
            ("numeric channel", new { order = 1, channel = "7", addresses = new[] { "a@b.cn" } }, "channel"),
            ("unknown channel", new { order = 1, channel = "Fax", addresses = new[] { "a@b.cn" } }, "channel"),
            ("address with CRLF", new { order = 1, channel = "Email", addresses = new[] { "a@b.cn\r\nBcc: all@b.cn" } }, "addresses"),
            ("two recipients in one address", new { order = 1, channel = "Email", addresses = new[] { "a@b.cn,c@d.cn" } }, "addresses"),
            ("21 addresses", new { order = 1, channel = "Email", addresses = Enumerable.Range(0, 21).Select(i => $"a{i}@b.cn").ToArray() }, "addresses"),
            ("5000 addresses", new { order = 1, channel = "Email", addresses = Enumerable.Range(0, 5000).Select(i => $"a{i}@b.cn").ToArray() }, "addresses"),
            ("255-character address", new { order = 1, channel = "Email", addresses = new[] { new string('a', 248) + "@b.cn.x" } }, "addresses"),
            ("1 MB WeCom key", new { order = 1, channel = "WeCom", key = new string('k', 1024 * 1024) }, "key"),
            ("513-character webhook secret", new { order = 1, channel = "Webhook", url = "https://1.1.1.1/hooks", secret = new string('s', 513) }, "secret"),
            ("2049-character webhook URL", new { order = 1, channel = "Webhook", url = "https://1.1.1.1/" + new string('p', 2040), secret = "s" }, "url"),
        })
        {
            Add($"contact: {name}", HttpMethod.Put, contacts, Enterprise, HttpStatusCode.BadRequest, field, Json(body));
        }

        foreach (var url in new[]
        {
            "file:///etc/passwd", "http://1.1.1.1/hooks", "ftp://1.1.1.1/hooks", "https://127.0.0.1/hooks", "https://localhost/hooks", "https://169.254.169.254/latest/meta-data/",
            "https://10.0.0.5/hooks", "https://172.16.3.4/hooks", "https://192.168.1.1/hooks", "https://100.64.0.1/hooks", "https://0.0.0.0/hooks", "https://[::1]/hooks",
            "https://[fd00::1]/hooks", "https://[fe80::1]/hooks", "https://[::ffff:127.0.0.1]/hooks", "https://[::ffff:169.254.169.254]/hooks", "https://user:secret@1.1.1.1/hooks",
            "not a url", "https://224.0.0.1/hooks", "https://192.0.2.1/hooks",
        })
        {
            Add($"webhook to {url}", HttpMethod.Put, contacts, Enterprise, HttpStatusCode.BadRequest, "url", Json(new { order = 1, channel = "Webhook", url, secret = "s3cret" }));
        }

        var organization = new Dictionary<string, object?> { ["id"] = "org-new", ["name"] = "New centre", ["regionCode"] = "640100", ["level"] = "Municipal" };
        foreach (var (field, value) in new (string, object?)[] { ("level", "0"), ("level", 1), ("level", "Galactic"), ("regionCode", "999999"), ("id", new string('o', 101)), ("name", new string('n', 201)) })
        {
            Add($"organization {field} = {Label(value)}", HttpMethod.Post, "/api/review-organizations", ApiHost.Admin, HttpStatusCode.BadRequest, field, Json(With(organization, field, value)));
        }

        var unit = new Dictionary<string, object?> { ["id"] = "unit-z", ["name"] = "Unit z", ["approvedGrades"] = new[] { "Level3" }, ["industries"] = new[] { "chemicals" }, ["accreditedThrough"] = "2027-12-31" };
        foreach (var (field, value) in new (string, object?)[]
        {
            ("accreditedThrough", null), ("accreditedThrough", "2027-02-29"), ("approvedGrades", new[] { "0" }), ("approvedGrades", new[] { "Level7" }), ("id", "unit-other"),
            ("approvedGrades", Enumerable.Repeat("Level3", 21).ToArray()),
        })
        {
            Add($"unit {field} = {Label(value)}", HttpMethod.Put, "/api/review-organizations/org-nx/units/unit-z", ApiHost.Admin, HttpStatusCode.BadRequest, field, Json(With(unit, field, value)));
        }

        Add("licence renewal date impossible", HttpMethod.Put, $"/api/enterprises/{e}/licence", Enterprise, HttpStatusCode.BadRequest, "validUntil", Json(new { licenceRequired = true, validUntil = "2026-02-30" }));
        Add("self-assessment opened with a numeric grade", HttpMethod.Post, $"/api/enterprises/{e}/self-assessments/2027/open", Enterprise, HttpStatusCode.BadRequest, "grade", Json(new { grade = "0" }));
        Add("expiring ledger days not a number", HttpMethod.Get, "/api/ledger/expiring?days=ten", Regulator, HttpStatusCode.BadRequest, "days");
        Add("Idempotency-Key too long", HttpMethod.Post, $"/api/certificates/{certificateId}/accidents", Regulator, HttpStatusCode.BadRequest, "Idempotency-Key",
            Json(new { on = "2026-03-09", deaths = 0 }), headers: new() { ["Idempotency-Key"] = new string('k', 201) });

        // 6. Ids that do not exist, and path tricks.
        foreach (var (path, caller) in new (string, Caller)[]
        {
            ("/api/enterprises/..%2F..%2Fetc%2Fpasswd", ApiHost.Admin),
            ("/api/enterprises/91640100MA76XQ000D", ApiHost.Admin),
            ("/api/certificates/..%2F..%2Fcertificates", ApiHost.Admin),
            ("/api/certificates/by-number/%E5%AE%81AQB%E2%85%A22026999999", ApiHost.Admin),
            ($"/api/applications/{new string('a', 300)}", ApiHost.Admin),
            ("/api/applications/..%2Fcert-x", ApiHost.Admin),
            ("/api/workflows/application/..%2F..%2Fworkflows", ApiHost.Admin),
            ($"/api/enterprises/{e}/documents/..%2F..%2Fprivate", ApiHost.Admin),
            ($"/api/enterprises/{e}/documents/no-such-document/download", ApiHost.Admin),
            ("/api/review-organizations/no-such-organization", ApiHost.Admin),
            ("/api/review-organizations/no-such-organization/units", ApiHost.Admin),
        })
        {
            Add($"unknown id {path}", HttpMethod.Get, path, caller, HttpStatusCode.NotFound, "not");
        }

        Add("material review of an application that does not exist", HttpMethod.Post, "/api/applications/no-such-application/material-review", Organization, HttpStatusCode.NotFound, "does not exist", Json(new { accepted = true }));
        Add("accident on a certificate that does not exist", HttpMethod.Post, "/api/certificates/no-such-certificate/accidents", Regulator, HttpStatusCode.NotFound, "does not exist", Json(new { on = "2026-03-10", deaths = 1 }));
        Add("unit under an organization that does not exist", HttpMethod.Put, "/api/review-organizations/no-such-organization/units/unit-z", ApiHost.Admin, HttpStatusCode.NotFound, "does not exist", Json(unit));
        Add("completion of a remediation that does not exist", HttpMethod.Post, "/api/remediations/no-such-remediation/completion", Enterprise, HttpStatusCode.NotFound, "does not exist", Json(new { evidenceDocumentIds = new[] { "doc-1" } }));
        Add("upload for an enterprise that does not exist", HttpMethod.Post, "/api/enterprises/91640100MA76XQ000D/documents", Enterprise, HttpStatusCode.NotFound, "91640100MA76XQ000D", Upload("application-materials", "a.pdf", "application/pdf", Pdf()));

        // 7. Uploads: forbidden types, content that contradicts its type, incomplete forms, oversize.
        var documents = $"/api/enterprises/{e}/documents";
        Add("executable upload", HttpMethod.Post, documents, Enterprise, HttpStatusCode.UnsupportedMediaType, "media", Upload("application-materials", "setup.exe", "application/x-msdownload", Encoding.ASCII.GetBytes("MZ\u0090\0\u0003\0\0\0")));
        Add("HTML upload", HttpMethod.Post, documents, Enterprise, HttpStatusCode.UnsupportedMediaType, "media", Upload("application-materials", "page.html", "text/html", Encoding.UTF8.GetBytes("<script>alert(1)</script>")));
        Add("PNG bytes sent as PDF", HttpMethod.Post, documents, Enterprise, HttpStatusCode.UnsupportedMediaType, "pdf", Upload("application-materials", "a.pdf", "application/pdf", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13]));
        Add("unknown document kind", HttpMethod.Post, documents, Enterprise, HttpStatusCode.BadRequest, "kind", Upload("secrets", "a.pdf", "application/pdf", Pdf()));
        Add("form without a file", HttpMethod.Post, documents, Enterprise, HttpStatusCode.BadRequest, "file", () => new MultipartFormDataContent { { new StringContent("application-materials"), "kind" } });
        Add("upload over the size limit", HttpMethod.Post, documents, Enterprise, HttpStatusCode.RequestEntityTooLarge, "bytes", Upload("application-materials", "big.pdf", "application/pdf", Oversize()));
        Add("enterprise files revocation evidence", HttpMethod.Post, documents, Enterprise, HttpStatusCode.Forbidden, "revocation-evidence", Upload("revocation-evidence", "e.pdf", "application/pdf", Pdf()));

        // 8. Register import (台账导入) and its progress: wrong media, empty, damaged, unknown sheets, oversize, bad options.
        const string import = "/api/register/import";
        const string header = "统一社会信用代码,企业名称,证书编号,等级,行业,行政区划代码,发证机关,发证日期,有效期至,状态";
        const string xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
        var row = "91640100MA7600001J,宁夏安泰化工有限公司,宁AQBⅡ2024000001,二级,危险化学品,640100,宁夏回族自治区应急管理厅,2024-03-15,2027-03-14,有效";
        Add("import by an enterprise", HttpMethod.Post, import, Enterprise, HttpStatusCode.Forbidden, "regulator", Raw($"{header}\n{row}", "text/csv"));
        Add("import without a token", HttpMethod.Post, import, null, HttpStatusCode.Unauthorized, "token", Raw($"{header}\n{row}", "text/csv"));
        Add("import as JSON", HttpMethod.Post, import, Regulator, HttpStatusCode.UnsupportedMediaType, "text/csv", Json(new { rows = new[] { row } }));
        Add("import as plain text", HttpMethod.Post, import, Regulator, HttpStatusCode.UnsupportedMediaType, "text/plain", Raw($"{header}\n{row}", "text/plain"));
        Add("import without a body type", HttpMethod.Post, import, Regulator, HttpStatusCode.UnsupportedMediaType, "text/csv", () => new ByteArrayContent(Encoding.UTF8.GetBytes(row)));
        Add("import of an empty file", HttpMethod.Post, import, Regulator, HttpStatusCode.BadRequest, "empty", Raw("", "text/csv"));
        Add("import of a header without rows", HttpMethod.Post, import, Regulator, HttpStatusCode.BadRequest, "no rows", Raw(header + "\n", "text/csv"));
        Add("import of a PDF called a spreadsheet", HttpMethod.Post, import, Regulator, HttpStatusCode.BadRequest, "could not be read", () => Bytes(Pdf(), xlsx));
        Add("import of a truncated spreadsheet", HttpMethod.Post, import, Regulator, HttpStatusCode.BadRequest, "could not be read", () => Bytes([0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00], xlsx));
        Add("import of an unknown sheet", HttpMethod.Post, import, Regulator, HttpStatusCode.UnprocessableEntity, "统一社会信用代码", Raw("姓名,电话\n张三,13800000000", "text/csv"));
        Add("import missing a column", HttpMethod.Post, import, Regulator, HttpStatusCode.UnprocessableEntity, "状态", Raw(header.Replace(",状态", "", StringComparison.Ordinal) + "\n" + row[..row.LastIndexOf(',')], "text/csv"));
        Add("import with a bad row", HttpMethod.Post, import, Regulator, HttpStatusCode.UnprocessableEntity, "999999", Raw($"{header}\n{row.Replace(",640100,", ",999999,", StringComparison.Ordinal)}", "text/csv"));
        Add("import outside the caller's region", HttpMethod.Post, import, BeijingRegulator, HttpStatusCode.UnprocessableEntity, "640100", Raw($"{header}\n{row}", "text/csv"));
        Add("import over the size limit", HttpMethod.Post, import, Regulator, HttpStatusCode.RequestEntityTooLarge, "MB", () => Bytes(OversizeCsv(header, row), "text/csv"));
        Add("import with dryRun=maybe", HttpMethod.Post, import + "?dryRun=maybe", Regulator, HttpStatusCode.BadRequest, "dryRun", Raw($"{header}\n{row}", "text/csv"));
        Add("import with holdPastNotices=2", HttpMethod.Post, import + "?holdPastNotices=2", Regulator, HttpStatusCode.BadRequest, "holdPastNotices", Raw($"{header}\n{row}", "text/csv"));
        Add("unknown import id", HttpMethod.Get, "/api/register/imports/imp-00000000000000000000000000000000", Regulator, HttpStatusCode.NotFound, "imp-00000000000000000000000000000000");
        Add("import id of 300 characters", HttpMethod.Get, "/api/register/imports/" + new string('a', 300), Regulator, HttpStatusCode.NotFound, "aaaa");
        Add("import id with a quote", HttpMethod.Get, "/api/register/imports/imp'or'1", Regulator, HttpStatusCode.NotFound, "imp'or'1");
        Add("import progress read by an enterprise", HttpMethod.Get, "/api/register/imports/imp-00000000000000000000000000000000", Enterprise, HttpStatusCode.Forbidden, "regulator");

        // 9. Replays and steps out of order: refused, and the refusal writes nothing.
        var accidents = $"/api/certificates/{certificateId}/accidents";
        Add("same key, another body", HttpMethod.Post, accidents, Regulator, HttpStatusCode.UnprocessableEntity, "Idempotency-Key", Json(new { on = "2026-03-10", deaths = 0, concealedOrLate = true }), headers: new() { ["Idempotency-Key"] = Key });
        Add("same key, another caller", HttpMethod.Post, accidents, ApiHost.Admin, HttpStatusCode.UnprocessableEntity, "Idempotency-Key", Json(new { on = "2026-03-10", deaths = 0 }), headers: new() { ["Idempotency-Key"] = Key });
        Add("same key, another path", HttpMethod.Post, $"/api/applications/{applicationId}/withdrawal", Enterprise, HttpStatusCode.UnprocessableEntity, "Idempotency-Key", Json(new { }), headers: new() { ["Idempotency-Key"] = Key });
        Add("audit of an issued application", HttpMethod.Post, $"/api/applications/{applicationId}/audit", Organization, HttpStatusCode.Conflict, "Issued", Json(new { forwarded = true }));
        Add("material review of an issued application", HttpMethod.Post, $"/api/applications/{applicationId}/material-review", Organization, HttpStatusCode.Conflict, "Issued", Json(new { accepted = true }));
        Add("withdrawal of an issued application", HttpMethod.Post, $"/api/applications/{applicationId}/withdrawal", Enterprise, HttpStatusCode.Conflict, "Issued", Json(new { }));
        Add("second draw", HttpMethod.Post, $"/api/applications/{applicationId}/draw", Organization, HttpStatusCode.Conflict, "Issued", Json(new { }));
        Add("enterprise registered twice", HttpMethod.Post, "/api/enterprises", Regulator, HttpStatusCode.Conflict, e, Json(With(registration, "code", e)));
        Add("organization approved twice", HttpMethod.Post, "/api/review-organizations", ApiHost.Admin, HttpStatusCode.Conflict, "org-nx", Json(new { id = "org-nx", name = "again", regionCode = "640100", level = "Municipal" }));
        Add("unit id of another organization", HttpMethod.Put, "/api/review-organizations/org-nx-2/units/unit-1", ApiHost.Admin, HttpStatusCode.Conflict, "unit-1", Json(With(unit, "id", "unit-1")));
        Add("report dated before the assignment", HttpMethod.Post, $"/api/applications/{applicationId}/report", ApiHost.Unit("unit-1"), HttpStatusCode.Conflict, "Issued", Json(new { passed = true, findings = "again", on = "2026-03-01" }));
        return cases;
    }

    private static Dictionary<string, object?> With(Dictionary<string, object?> body, string field, object? value)
    {
        var copy = new Dictionary<string, object?>(body);
        if (value is null)
        {
            copy.Remove(field);
        }
        else
        {
            copy[field] = value;
        }

        return copy;
    }

    private static string Label(object? value) => $"{value}" is { Length: > 0 } text ? text.Length <= 24 ? text : $"{text[..12]}…({text.Length})" : "(left out)";

    private static byte[] Pdf() => Encoding.ASCII.GetBytes("%PDF-1.7\n% suite\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n");

    private static byte[] Oversize()
    {
        var bytes = new byte[21 * 1024 * 1024];
        Pdf().CopyTo(bytes, 0);
        return bytes;
    }

    private static ByteArrayContent Bytes(byte[] bytes, string mediaType)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
        return content;
    }

    // Just over the register import's 32 MB: valid rows all the way, so only the size is wrong.
    private static byte[] OversizeCsv(string header, string row)
    {
        var text = new StringBuilder(header).Append('\n');
        while (Encoding.UTF8.GetByteCount(text.ToString()) <= 32 * 1024 * 1024)
        {
            text.Append(string.Join('\n', Enumerable.Repeat(row, 10_000))).Append('\n');
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }

    private static Func<HttpContent?> Upload(string kind, string fileName, string mediaType, byte[] bytes) => () =>
    {
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
        return new MultipartFormDataContent { { new StringContent(kind), "kind" }, { file, "file", fileName } };
    };
}
