using System.CommandLine;
using Microsoft.Extensions.Configuration.Memory;
using SafetyCert.Functions;
using SafetyCert.Functions.Notifications;
using SafetyCert.Functions.Storage;
using SafetyCert.Functions.Workflows;
using SafetyCert.Host.Configuration;
using SafetyCert.Host.Development;
using SafetyCert.Host.Local;

namespace SafetyCert.Host.Cli;

/// <summary>
/// <c>safetycert serve [--urls …]</c>: runs the function app's classes in this process, as the Functions host would
/// (which cannot be installed here): HTTP functions as endpoints under <c>/api</c>, timer and queue triggers, and the
/// orchestrations and activities on Durable's Azure Storage backend in the app's storage account.
/// </summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        var urls = new Option<string?>("--urls") { Description = "Where the host listens, e.g. http://127.0.0.1:7071." };
        var command = new Command("serve", "Run the function app's functions in this process against the storage account local.settings.json names. Other arguments reach the host as configuration, e.g. --Storage:Prefix=demo2.")
        {
            urls,
        };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction(async (result, cancellationToken) =>
        {
            string[] hostArgs = [.. result.UnmatchedTokens, .. result.GetValue(urls) is { } value ? new[] { "--urls", value } : []];
            await using var app = Build(hostArgs, loadStoredCalendar: true);
            await app.RunAsync();
            return 0;
        });
        return command;
    }

    /// <summary>
    /// The app as <c>serve</c> runs it; <paramref name="configure"/> lets tests swap what they must. With
    /// <paramref name="loadStoredCalendar"/> the holiday arrangements an administrator stored are read from storage now and
    /// laid over the embedded calendar the workflows decide with, so a year stored later applies from the next start.
    /// </summary>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null, bool loadStoredCalendar = false)
    {
        var builder = WebApplication.CreateBuilder(args);
        // local.settings.json sits under every other source, as in Azure Functions tools: the environment wins.
        var local = LocalSettings.Locate(Directory.GetCurrentDirectory());
        if (local is not null)
        {
            builder.Configuration.Sources.Insert(0, new MemoryConfigurationSource { InitialData = LocalSettings.Read(local) });
        }

        var configuration = builder.Configuration;
        var prefix = configuration[$"{StorageOptions.SectionName}:{nameof(StorageOptions.Prefix)}"] ?? "";
        var connection = configuration[$"{StorageOptions.SectionName}:{nameof(StorageOptions.ConnectionString)}"] is { Length: > 0 } own
            ? own
            : configuration["AzureWebJobsStorage"] ?? "UseDevelopmentStorage=true";

        // What the Functions host reads from app settings, defaulted per storage prefix so hosts sharing Azurite stay apart.
        configuration.AddInMemoryCollection(Defaults(configuration, prefix));

        // The storage SDK logs every request, and every expected 404 or 409 as a warning; the app logs what matters.
        builder.Logging.AddFilter("Azure.Core", LogLevel.Error);
        builder.Logging.AddFilter("DurableTask", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.DurableTask", LogLevel.Warning);
        // The in-process Durable sidecar is an ASP.NET Core server too: its gRPC calls would log every poll.
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Logging.AddFilter("Grpc", LogLevel.Warning);
        if (builder.Environment.IsDevelopment())
        {
            // Before the modules, which add the system clocks only when none is registered.
            builder.Services.AddDevelopmentClock(configuration);
        }

        builder.Services.AddSafetyCert(configuration, loadStoredCalendar);
        builder.Services.AddHealthChecks();
        // Durable first: a past-due timer that fires at start-up may already call the Durable client.
        builder.Services.AddLocalDurable(
            durable =>
            {
                configuration.GetSection(LocalDurableOptions.Section).Bind(durable);
                durable.StorageConnectionString = connection;
                durable.TaskHubName = configuration["TaskHubName"]!;
            },
            worker => worker.AddDurableFunctions());
        builder.Services.AddLocalFunctions(typeof(LifecycleOrchestration).Assembly, functions =>
        {
            functions.StorageConnectionString = connection;
            functions.TimerBlobPrefix = prefix;
        });
        // No Server banner (the Functions host's front end is configured in Azure).
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);
        configure?.Invoke(builder);
        var app = builder.Build();
        // The headers the Functions worker sets through SecurityHeaders.Middleware, on every local response too.
        app.Use((context, next) =>
        {
            Functions.Access.SecurityHeaders.Register(context);
            return next(context);
        });
        app.MapHealthChecks("/healthz");
        app.MapHttpFunctions();
        if (app.Environment.IsDevelopment())
        {
            app.MapDevelopmentClockApi();
            app.MapDevelopmentPartiesApi();
        }

        app.MapConsole();

        return app;
    }

    private static Dictionary<string, string?> Defaults(ConfigurationManager configuration, string prefix)
    {
        var defaults = new Dictionary<string, string?>();
        if (string.IsNullOrEmpty(configuration["TaskHubName"]))
        {
            defaults["TaskHubName"] = prefix.Length > 0 ? $"{prefix}hub" : "SafetyCert";
        }

        if (string.IsNullOrEmpty(configuration[NotificationQueueFunction.QueueSetting]))
        {
            defaults[NotificationQueueFunction.QueueSetting] = $"{prefix}notifications";
        }

        return defaults;
    }
}
