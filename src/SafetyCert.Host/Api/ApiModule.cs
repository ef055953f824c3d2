using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using NodaTime;
using NodaTime.Serialization.SystemTextJson;
using Scalar.AspNetCore;
using SafetyCert.Host.Access;
using SafetyCert.Host.Api.Applications;
using SafetyCert.Host.Api.Holidays;
using SafetyCert.Host.Api.Certificates;
using SafetyCert.Host.Api.Enterprises;
using SafetyCert.Host.Api.Ledger;
using SafetyCert.Host.Api.Remediations;
using SafetyCert.Host.Api.ReviewBodies;
using SafetyCert.Host.Api.SelfAssessments;
using SafetyCert.Host.Api.SpotChecks;
using SafetyCert.Host.Api.WorkflowStatus;
using SafetyCert.Host.Documents;
using SafetyCert.Host.Functions;

namespace SafetyCert.Host.Api;

/// <summary>The HTTP API under <c>/api</c> (the Functions host's route prefix in Azure), its OpenAPI document and reference UI.</summary>
internal static class ApiModule
{
    public static IServiceCollection AddApi(this IServiceCollection services)
    {
        services.AddOpenApi();
        services.AddSingleton<EnterpriseRegistry>();
        services.AddSingleton<IEnterpriseDirectory>(sp => sp.GetRequiredService<EnterpriseRegistry>());
        services.AddSingleton<CertificateIndex>();
        services.AddSingleton<ReviewBodyRegistry>();
        services.AddSingleton<SpotCheckBook>();
        services.AddSingleton<HolidayArrangementStore>();
        services.AddFunctions(functions => functions.AddTimer<SpotCheckDrawFunction>().AddTimer<HolidayArrangementCheckFunction>());
        services.AddExceptionHandler<BadRequestExceptionHandler>();
        // A body the framework cannot bind throws, so the exception handler can name the field in a ProblemDetails.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Converters.Insert(0, new StrictLocalDateConverter());
            o.SerializerOptions.ConfigureForNodaTime(DateTimeZoneProviders.Tzdb);
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter());
        });
        services.PostConfigure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, bearer =>
        {
            bearer.Events ??= new JwtBearerEvents();
            bearer.Events.OnChallenge = async context =>
            {
                context.HandleResponse();
                await WriteProblemAsync(context.HttpContext, StatusCodes.Status401Unauthorized, "unauthorized", "A valid bearer token is required",
                    context.AuthenticateFailure?.Message ?? context.ErrorDescription ?? "No bearer token was sent.");
            };
            bearer.Events.OnForbidden = context =>
                WriteProblemAsync(context.HttpContext, StatusCodes.Status403Forbidden, "forbidden", "Not allowed for this caller", "The token's claims do not make a complete caller.");
        });
        return services;
    }

    public static WebApplication MapApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseExceptionHandler();
        app.MapOpenApi("/api/openapi/{documentName}.json");
        app.MapScalarApiReference("/api/docs", o => o.WithOpenApiRoutePattern("/api/openapi/{documentName}.json"));
        var api = app.MapGroup("/api")
            .RequireAuthorization(AccessExtensions.CallerPolicy)
            .AddEndpointFilter<ValidationFilter>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        api.MapEnterpriseApi();
        api.MapApplicationApi();
        api.MapCertificateApi();
        api.MapReviewBodyApi();
        api.MapWorkflowApi();
        api.MapSelfAssessmentApi();
        api.MapRemediationApi();
        api.MapLedgerApi();
        api.MapSpotCheckApi();
        api.MapCalendarApi();
        app.MapDocumentsApi();
        return app;
    }

    private static async Task WriteProblemAsync(HttpContext context, int status, string type, string title, string detail)
    {
        context.Response.StatusCode = status;
        var problems = context.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = { Status = status, Type = ApiProblems.TypeBase + type, Title = title, Detail = detail },
        });
    }
}
