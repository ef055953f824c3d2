using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Testing;
using SafetyCert.Domain.Grading;
using SafetyCert.Domain.Workflows;
using SafetyCert.Functions.Access;
using SafetyCert.Host.Cli;
using SafetyCert.Host.Tests.Support;

namespace SafetyCert.Host.Tests.Api;

/// <summary>The app as serve builds it, on a test server over Azurite, with a fake clock and tokens for every party.</summary>
internal sealed class ApiHost : IAsyncDisposable
{
    public const string SigningKey = "api-tests-signing-key-of-at-least-32-characters";

    private ApiHost(WebApplication app, FakeClock clock)
    {
        App = app;
        Clock = clock;
        Client = app.GetTestClient();
    }

    public WebApplication App { get; }

    public FakeClock Clock { get; }

    public HttpClient Client { get; }

    /// <summary>
    /// Starts the app; notices go through the real outbox unless <paramref name="notices"/> is given to keep them for inspection.
    /// A <paramref name="prefix"/> shared with an earlier host is a restart over the same storage.
    /// </summary>
    /// <paramref name="settings"/> are further command-line settings (later ones win); <paramref name="configure"/> registers
    /// services before the app's own (a fake <see cref="TimeProvider"/>, say).
    public static async Task<ApiHost> StartAsync(
        AzuriteFixture azurite, Instant now, RecordingOutbox? notices = null, string? prefix = null, string[]? settings = null, Action<IServiceCollection>? configure = null)
    {
        var clock = new FakeClock(now);
        var app = ServeCommand.Build(
            [$"--Storage:ConnectionString={azurite.ConnectionString}", $"--Storage:Prefix={prefix ?? AzuriteFixture.NewPrefix()}", $"--Jwt:SigningKey={SigningKey}", "--Notifications:Smtp:Port=2525",
                // As in production, whatever the local settings allow for development.
                "--Notifications:WebhookAllowedHosts=", .. settings ?? []],
            builder =>
            {
                builder.WebHost.UseTestServer();
                builder.Services.AddSingleton<IClock>(clock);
                configure?.Invoke(builder.Services);
                if (notices is not null)
                {
                    builder.Services.AddSingleton<SafetyCert.Functions.Notifications.INotificationOutbox>(notices);
                }
            },
            loadStoredCalendar: true);
        await app.StartAsync(TestContext.Current.CancellationToken);
        return new ApiHost(app, clock);
    }

    public static Caller Admin { get; } = new("admin-1", Party.Administrator);

    public static Caller Enterprise(string id) => new($"user-{id}", Party.Enterprise, EnterpriseId: id);

    public static Caller Organization(string id, string region) => new($"staff-{id}", Party.ReviewOrganization, BodyId: id, RegionCode: region);

    public static Caller Unit(string id) => new($"staff-{id}", Party.ReviewUnit, BodyId: id);

    public static Caller Regulator(string region, RegulatorLevel level) => new($"officer-{region}", Party.Regulator, RegionCode: region, Level: level);

    public string TokenFor(Caller caller) => App.Services.GetRequiredService<TokenIssuer>().Issue(caller, TimeSpan.FromHours(1));

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, Caller? caller, object? body = null, string? rawJson = null, string? token = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (token is not null || caller is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token ?? TokenFor(caller!));
        }

        if (rawJson is not null)
        {
            request.Content = new StringContent(rawJson, System.Text.Encoding.UTF8, "application/json");
        }
        else if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        return await Client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    public Task<HttpResponseMessage> PostAsync(string path, Caller caller, object body) => SendAsync(HttpMethod.Post, path, caller, body);

    public Task<HttpResponseMessage> GetAsync(string path, Caller caller) => SendAsync(HttpMethod.Get, path, caller);

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement.Clone();

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.StopAsync(TestContext.Current.CancellationToken);
        await App.DisposeAsync();
    }
}
