using Microsoft.Azure.Functions.Worker.OpenTelemetry;
using Microsoft.Azure.Functions.Worker.Builder;
using SafetyCert.Functions;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.UseMiddleware<SafetyCert.Functions.Access.SecurityHeaders.Middleware>();
// The storage SDK logs every request, and every expected 404 or 409 as a warning; the app logs what matters.
builder.Logging.AddFilter("Azure.Core", LogLevel.Error);
builder.Services.AddSafetyCert(builder.Configuration);
// In Azure the Functions host starts each invocation's trace; the worker continues it.
builder.Services.AddOpenTelemetry().UseFunctionsWorkerDefaults();
builder.Build().Run();
