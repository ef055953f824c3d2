using System.Text.Json.Serialization;
using NodaTime;
using NodaTime.Serialization.SystemTextJson;
using SafetyCert.Functions.Api.Certificates;
using SafetyCert.Functions.Api.Enterprises;
using SafetyCert.Functions.Api.Holidays;
using SafetyCert.Functions.Api.ReviewBodies;
using SafetyCert.Functions.Api.SpotChecks;
using SafetyCert.Functions.Documents;

namespace SafetyCert.Functions.Api;

/// <summary>
/// The HTTP API under <c>/api</c> (the Functions host's route prefix): the function classes of each resource find their
/// services here. Needs the access module (<c>AddAccess</c>) and <c>AddProblemDetails</c>, which every error goes through.
/// </summary>
internal static class ApiModule
{
    public static IServiceCollection AddApi(this IServiceCollection services)
    {
        services.AddSingleton<ApiRequests>();
        services.AddSingleton<IdempotencyBinding>();
        services.AddSingleton<EnterpriseRegistry>();
        services.AddSingleton<IEnterpriseDirectory>(sp => sp.GetRequiredService<EnterpriseRegistry>());
        services.AddSingleton<CertificateIndex>();
        services.AddSingleton<CertificateSummaries>();
        services.AddSingleton<Applications.ApplicationViews>();
        services.AddSingleton<ReviewBodyRegistry>();
        services.AddSingleton<SpotCheckBook>();
        services.AddSingleton<HolidayArrangementStore>();
        services.AddSingleton<Register.RegisterBook>();
        services.AddSingleton<Register.ImportProgressBook>();
        services.AddSingleton<Register.RegisterImport>();
        services.AddSingleton<Register.ReviewOrganizationImport>();
        services.AddSingleton<Register.ReviewUnitImport>();
        services.AddSingleton<Register.RegisterExport>();
        services.AddSingleton<Verification.VerificationLimiter>();
        services.AddSingleton<Reference.ApiReference>();
        // Every problem is written in the caller's language (Accept-Language), whichever function answered it.
        services.Configure<ProblemDetailsOptions>(o => o.CustomizeProblemDetails += Language.LocalizedProblemDetails.Localize);
        // Request bodies (ApiRequests) and every IResult written as JSON use the same options.
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Converters.Insert(0, new StrictLocalDateConverter());
            o.SerializerOptions.ConfigureForNodaTime(DateTimeZoneProviders.Tzdb);
            // Names only: a number ("channel": 7, "level": "0") is no value of an enum, defined or not.
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(namingPolicy: null, allowIntegerValues: false));
        });
        return services;
    }
}
