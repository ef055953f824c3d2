using System.Net;
using System.Text.Json;
using SafetyCert.Host.Tests.Support;

namespace SafetyCert.Host.Tests.Local;

public sealed class HttpFunctionTests(AzuriteFixture azurite)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Route_value_reaches_the_function_and_its_IResult_is_executed()
    {
        await using var host = await StartAsync();

        var response = await host.Http.GetAsync(new Uri("/api/hello/ada?lang=en", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        Assert.Equal("hello ada", body.RootElement.GetProperty("greeting").GetString());
        Assert.Equal("en", body.RootElement.GetProperty("lang").GetString());
    }

    [Fact]
    public async Task IActionResult_with_int_and_optional_route_values_and_the_declared_methods_only()
    {
        await using var host = await StartAsync();

        var get = await host.Http.GetAsync(new Uri("/api/items/7/wheel", UriKind.Relative), Ct);
        var put = await host.Http.PutAsync(new Uri("/api/items/8", UriKind.Relative), null, Ct);
        var missing = await host.Http.GetAsync(new Uri("/api/items/0", UriKind.Relative), Ct);
        var notAnInt = await host.Http.GetAsync(new Uri("/api/items/seven", UriKind.Relative), Ct);
        var post = await host.Http.PostAsync(new Uri("/api/items/7", UriKind.Relative), null, Ct);

        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        Assert.Equal("""{"id":7,"part":"wheel","method":"GET"}""", await get.Content.ReadAsStringAsync(Ct));
        Assert.Equal("""{"id":8,"part":null,"method":"PUT"}""", await put.Content.ReadAsStringAsync(Ct));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, notAnInt.StatusCode);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, post.StatusCode);
    }

    [Fact]
    public async Task ValueTask_of_typed_results_with_a_Guid_route_value()
    {
        await using var host = await StartAsync();
        var id = Guid.NewGuid();

        var found = await host.Http.GetAsync(new Uri($"/api/typed/{id}", UriKind.Relative), Ct);
        var empty = await host.Http.GetAsync(new Uri($"/api/typed/{Guid.Empty}", UriKind.Relative), Ct);
        var unconvertible = await host.Http.GetAsync(new Uri("/api/typed/not-a-guid", UriKind.Relative), Ct);

        Assert.Equal($"\"{id}\"", await found.Content.ReadAsStringAsync(Ct));
        Assert.Equal(HttpStatusCode.NotFound, empty.StatusCode);
        // The worker fails an invocation whose route value does not convert: 500, as there.
        Assert.Equal(HttpStatusCode.InternalServerError, unconvertible.StatusCode);
    }

    [Fact]
    public async Task Function_without_route_or_methods_answers_any_method_at_its_name_with_an_empty_200()
    {
        await using var host = await StartAsync();

        var response = await host.Http.DeleteAsync(new Uri("/api/Ping", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("", await response.Content.ReadAsStringAsync(Ct));
        Assert.Equal(["DELETE"], host.Recorder.Of<string>("Ping"));
    }

    [Fact]
    public async Task Exception_from_the_function_reaches_AspNetCore_as_500()
    {
        await using var host = await StartAsync();

        var response = await host.Http.PostAsync(new Uri("/api/boom", UriKind.Relative), null, Ct);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        // ASP.NET Core logs the exception once the response is written; wait for it rather than assume it is there.
        await Eventually.HoldsAsync(() => host.Logged("boom"), "the exception logged by ASP.NET Core", logs: host.Logs);
    }

    private Task<LocalHost> StartAsync() => LocalHost.StartAsync(azurite.ConnectionString, LocalHost.Settings(AzuriteFixture.NewPrefix()));
}
