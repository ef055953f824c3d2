using Azure.Monitor.OpenTelemetry.Exporter;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using SafetyCert.Functions.Storage;

namespace SafetyCert.Functions.Operations;

/// <summary>
/// Traces, metrics and logs through OpenTelemetry: the app's own source and meter, ASP.NET Core's server spans, and the
/// runtime's metrics. Exporters by configuration: Azure Monitor when <c>APPLICATIONINSIGHTS_CONNECTION_STRING</c> is set
/// (in Azure), OTLP when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set (a local collector, Jaeger, Aspire's dashboard), the
/// console when <c>Telemetry:Console</c> is true.
/// </summary>
public static class TelemetryServiceCollectionExtensions
{
    public static IServiceCollection AddSafetyCertTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<OperationsOptions>().Bind(configuration.GetSection(OperationsOptions.Section));
        services.AddSingleton<OperationsMonitor>();
        services.AddHostedService<OperationsMonitorService>();

        var azureMonitor = configuration["APPLICATIONINSIGHTS_CONNECTION_STRING"];
        var otlp = configuration["OTEL_EXPORTER_OTLP_ENDPOINT"];
        var console = configuration.GetValue<bool>("Telemetry:Console");
        // Application Insights with local authentication off takes Entra tokens: the app's managed identity, as for storage.
        var storage = configuration.GetSection(StorageOptions.SectionName).Get<StorageOptions>() ?? new StorageOptions();
        void Monitor(AzureMonitorExporterOptions o)
        {
            o.ConnectionString = azureMonitor;
            o.Credential = StorageServiceCollectionExtensions.Credential(storage);
        }

        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(configuration["OTEL_SERVICE_NAME"] ?? "safetycert"))
            .WithTracing(tracing =>
            {
                tracing.AddSource(SafetyCertTelemetry.Name).AddAspNetCoreInstrumentation();
                if (azureMonitor is { Length: > 0 })
                {
                    tracing.AddAzureMonitorTraceExporter(Monitor);
                }

                if (otlp is { Length: > 0 })
                {
                    tracing.AddOtlpExporter();
                }

                if (console)
                {
                    tracing.AddConsoleExporter();
                }
            })
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(SafetyCertTelemetry.Name).AddAspNetCoreInstrumentation();
                if (azureMonitor is { Length: > 0 })
                {
                    metrics.AddAzureMonitorMetricExporter(Monitor);
                }

                if (otlp is { Length: > 0 })
                {
                    metrics.AddOtlpExporter();
                }

                if (console)
                {
                    metrics.AddConsoleExporter();
                }
            });
        if (azureMonitor is { Length: > 0 } || otlp is { Length: > 0 })
        {
            telemetry.WithLogging(logging =>
            {
                if (azureMonitor is { Length: > 0 })
                {
                    logging.AddAzureMonitorLogExporter(Monitor);
                }

                if (otlp is { Length: > 0 })
                {
                    logging.AddOtlpExporter();
                }
            });
        }

        return services;
    }
}
