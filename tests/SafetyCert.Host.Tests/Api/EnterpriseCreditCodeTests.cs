using System.Net;
using NodaTime;
using SafetyCert.Domain.Grading;
using SafetyCert.Host.Tests.Support;

namespace SafetyCert.Host.Tests.Api;

/// <summary>Registering an enterprise checks its unified social credit code the way the register import does (GB 32100-2015).</summary>
public sealed class EnterpriseCreditCodeTests(AzuriteFixture azurite)
{
    [Theory]
    [InlineData("91640100MA7600001K", "check character")] // the first 17 characters give J
    [InlineData("91640100MA7600001", "18")]
    [InlineData("91640100MA760000IJ", "position 17")]
    public async Task A_code_that_fails_the_check_is_a_400_naming_the_code_and_nothing_is_registered(string code, string reason)
    {
        await using var host = await ApiHost.StartAsync(azurite, ApiSteps.ShanghaiNine(new LocalDate(2027, 1, 20)));
        var regulator = ApiHost.Regulator("640000", RegulatorLevel.Provincial);

        var refused = await host.PostAsync("/api/enterprises", regulator, new { code, name = "宁夏安泰化工有限公司", regionCode = "640100", industry = "chemicals" });

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var problem = await ApiHost.JsonAsync(refused);
        var errors = problem.GetProperty("errors").GetProperty("code").EnumerateArray().Select(e => e.GetString()!).ToList();
        Assert.Contains(errors, e => e.Contains(reason, StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.NotFound, (await host.GetAsync($"/api/enterprises/{code}", ApiHost.Admin)).StatusCode);

        var accepted = await host.PostAsync("/api/enterprises", regulator, new { code = "91640100MA7600001J", name = "宁夏安泰化工有限公司", regionCode = "640100", industry = "chemicals" });
        Assert.Equal(HttpStatusCode.Created, accepted.StatusCode);
    }
}
