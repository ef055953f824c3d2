namespace SafetyCert.Host.Local;

/// <summary>How the local host runs the function app's triggers. Defaults match the Functions host and the app's host.json.</summary>
public sealed class LocalFunctionsOptions
{
    public const string DefaultRoutePrefix = "api";

    /// <summary>The storage account of the triggers (Functions' <c>AzureWebJobsStorage</c>): queues, timer status and locks.</summary>
    public string StorageConnectionString { get; set; } = "";

    /// <summary>Functions' default route prefix (host.json <c>extensions.http.routePrefix</c>).</summary>
    public string RoutePrefix { get; set; } = DefaultRoutePrefix;

    /// <summary>The container holding each timer's schedule status and lock blob, the one Functions uses.</summary>
    public string TimerContainer { get; set; } = "azure-webjobs-hosts";

    /// <summary>Put before every timer blob name, so tests and hosts sharing an account stay apart.</summary>
    public string TimerBlobPrefix { get; set; } = "";

    public LocalQueueOptions Queues { get; } = new();
}
