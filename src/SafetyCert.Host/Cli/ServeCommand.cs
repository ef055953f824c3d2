using System.Globalization;
using Microsoft.Extensions.Configuration.Memory;
using SafetyCert.Domain.Calendar;
using SafetyCert.Domain.Profiles;
using SafetyCert.Functions.Access;
using SafetyCert.Functions.Api;
using SafetyCert.Functions.Api.Holidays;
using SafetyCert.Host.Configuration;
using SafetyCert.Host.Development;
using SafetyCert.Functions.Documents;
using SafetyCert.Host.Functions;
using SafetyCert.Functions.Notifications;
using SafetyCert.Host.Triggers;
using SafetyCert.Functions.Workflows;

namespace SafetyCert.Host.Cli;

/// <summary><c>safetycert serve [--urls …]</c>: runs the function app until stopped.</summary>
internal static class ServeCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        await using var app = Build(args, loadStoredCalendar: true);
        await app.RunAsync();
        return 0;
    }

    /// <summary>
    /// The app as <c>serve</c> runs it; <paramref name="configure"/> lets tests swap what they must. With
    /// <paramref name="loadStoredCalendar"/> the holiday arrangements an administrator stored are read from storage now and
    /// laid over the embedded calendar the workflows decide with, so a year stored later applies from the next start.
    /// Commands that only describe the app (<c>functions</c>) leave it off and touch no storage.
    /// </summary>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null, Action<FunctionsBuilder>? functions = null, bool loadStoredCalendar = false)
    {
        var builder = WebApplication.CreateBuilder(args);
        // local.settings.json sits under every other source, as in Azure Functions tools: the environment wins.
        var local = LocalSettings.Locate(Directory.GetCurrentDirectory());
        if (local is not null)
        {
            builder.Configuration.Sources.Insert(0, new MemoryConfigurationSource { InitialData = LocalSettings.Read(local) });
        }

        if (builder.Configuration[CustomHandlerApi.PortSetting] is { Length: > 0 } port)
        {
            // Under the Functions host the port is not ours to choose: the host says where it will call.
            builder.WebHost.UseUrls($"http://127.0.0.1:{ParsePort(port)}");
        }

        // The storage SDK logs every request, and every expected 404 or 409 as a warning; the app logs what matters.
        builder.Logging.AddFilter("Azure.Core", LogLevel.Error);
        if (builder.Environment.IsDevelopment())
        {
            // Before the modules, which add the system clocks only when none is registered.
            builder.Services.AddDevelopmentClock(builder.Configuration);
        }

        builder.AddFunctionApp(functions);
        builder.Services.AddAccess();
        var calendar = loadStoredCalendar ? HolidayArrangementStore.LoadCalendar(builder.Configuration, WorkingDayCalendar.China) : WorkingDayCalendar.China;
        builder.Services.AddLifecycleWorkflows(calendar, ProfileCatalog.Embedded);
        builder.Services.AddNotifications(builder.Configuration);
        builder.Services.AddDocuments(builder.Configuration);
        builder.Services.AddApi();
        configure?.Invoke(builder);
        var app = builder.Build();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapFunctionApp();
        app.MapApi();
        if (app.Environment.IsDevelopment())
        {
            app.MapDevelopmentClockApi();
        }

        return app;
    }

    private static int ParsePort(string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is > 0 and <= 65535
            ? port
            : throw new InvalidOperationException($"{CustomHandlerApi.PortSetting} is '{text}', which is not a TCP port.");
}
