using SafetyCert.Engine.Storage;
using SafetyCert.Host.Triggers;

namespace SafetyCert.Host.Functions;

/// <summary>
/// The function app as one module. It runs in one of two ways: on its own (locally, in a container), where the
/// trigger runtime fires the functions, or under the Azure Functions host as a custom handler
/// (<see cref="CustomHandlerApi.PortSetting"/> is set), where the host fires them through invocation endpoints.
/// Never both, or every timer would fire twice.
/// </summary>
public static class FunctionAppExtensions
{
    public static bool IsCustomHandler(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return !string.IsNullOrEmpty(configuration[CustomHandlerApi.PortSetting]);
    }

    public static WebApplicationBuilder AddFunctionApp(this WebApplicationBuilder builder, Action<FunctionsBuilder>? functions = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddProblemDetails();
        services.AddHealthChecks();
        services.AddFunctions(functions ?? (static _ => { }));
        services.AddSafetyCertStorage(builder.Configuration);
        if (IsCustomHandler(builder.Configuration))
        {
            services.AddTriggerStorageOptions();
        }
        else
        {
            services.AddTriggerRuntime();
        }

        return builder;
    }

    public static WebApplication MapFunctionApp(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapHealthChecks("/healthz");
        if (IsCustomHandler(app.Configuration))
        {
            app.MapCustomHandlerApi();
        }

        return app;
    }
}
