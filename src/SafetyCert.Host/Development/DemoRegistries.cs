using SafetyCert.Functions.Api.Certificates;
using SafetyCert.Functions.Api.Enterprises;
using SafetyCert.Functions.Api.ReviewBodies;

namespace SafetyCert.Host.Development;

/// <summary>The API's registries the demo data writes to, so what the demo starts can be read through the API.</summary>
internal sealed record DemoRegistries(EnterpriseRegistry Enterprises, CertificateIndex Certificates, ReviewBodyRegistry ReviewBodies);
