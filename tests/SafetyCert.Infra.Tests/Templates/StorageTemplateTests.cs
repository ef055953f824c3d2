using System.Text.Json.Nodes;

namespace SafetyCert.Infra.Tests.Templates;

public sealed class StorageTemplateTests(MainTemplateFixture fixture)
{
    private readonly CompiledTemplate template = fixture.Template;

    [Fact]
    public void Account_is_StorageV2_with_TLS_1_2_and_no_anonymous_or_key_access()
    {
        var account = template.Single("Microsoft.Storage/storageAccounts");
        var properties = account["properties"];

        Assert.Equal("StorageV2", (string?)account["kind"]);
        Assert.Equal("TLS1_2", (string?)properties?["minimumTlsVersion"]);
        Assert.False((bool?)properties?["allowBlobPublicAccess"]);
        Assert.False((bool?)properties?["allowSharedKeyAccess"]);
        Assert.True((bool?)properties?["supportsHttpsTrafficOnly"]);
    }

    [Fact]
    public void Blob_versioning_is_on()
    {
        var blobService = template.Single("Microsoft.Storage/storageAccounts/blobServices");

        Assert.True((bool?)blobService["properties"]?["isVersioningEnabled"]);
    }

    [Fact]
    public void There_is_one_document_container_per_document_kind()
    {
        var names = template.Root["variables"]?["documentContainerNames"]?.AsArray().Select(name => (string?)name);

        Assert.Equal(
            ["self-assessment-reports", "application-materials", "review-reports", "revocation-evidence", "remediation-evidence"],
            names);
        Assert.Equal("[variables('documentContainerNames')]", (string?)StorageModuleParameter("documentContainerNames"));
    }

    [Fact]
    public void Every_document_container_and_only_those_get_a_time_based_immutability_policy()
    {
        var containers = template.Resources("Microsoft.Storage/storageAccounts/blobServices/containers");
        var documents = Assert.Single(containers, container => container["copy"] is not null);
        var policy = template.Single("Microsoft.Storage/storageAccounts/blobServices/containers/immutabilityPolicies");

        Assert.Equal("[length(parameters('documentContainerNames'))]", (string?)documents["copy"]?["count"]);
        Assert.Equal("[length(parameters('documentContainerNames'))]", (string?)policy["copy"]?["count"]);
        Assert.Contains("parameters('documentContainerNames')[copyIndex()]", (string?)policy["name"], StringComparison.Ordinal);
        Assert.Equal("[parameters('documentImmutabilityDays')]", (string?)policy["properties"]?["immutabilityPeriodSinceCreationInDays"]);
        Assert.False((bool?)policy["properties"]?["allowProtectedAppendWrites"]);
        Assert.All(containers, container => Assert.Equal("None", (string?)container["properties"]?["publicAccess"]));
    }

    [Fact]
    public void Deployment_package_has_its_own_container()
    {
        var containers = template.Resources("Microsoft.Storage/storageAccounts/blobServices/containers");

        Assert.Single(containers, container => ((string?)container["name"])?.Contains("parameters('deploymentContainerName')", StringComparison.Ordinal) == true);
        Assert.Equal("[variables('deploymentContainerName')]", (string?)StorageModuleParameter("deploymentContainerName"));
        Assert.StartsWith("[toLower(format('app-package-{0}'", (string?)template.Root["variables"]?["deploymentContainerName"], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Microsoft.Storage/storageAccounts/tableServices/tables", "tableNames")]
    [InlineData("Microsoft.Storage/storageAccounts/queueServices/queues", "queueNames")]
    public void Tables_and_queues_carry_the_app_prefix(string type, string parameter)
    {
        var input = StorageModuleParameterCopy(parameter);

        Assert.NotNull(template.Single(type)["copy"]);
        Assert.Equal($"[format('{{0}}{{1}}', parameters('storagePrefix'), parameters('{parameter}')[copyIndex('value')])]", input);
    }

    private JsonNode? StorageModuleParameter(string name) =>
        template.Root["resources"]?["storage"]?["properties"]?["parameters"]?[name]?["value"];

    private string? StorageModuleParameterCopy(string name) =>
        (string?)template.Root["resources"]?["storage"]?["properties"]?["parameters"]?[name]?["copy"]?[0]?["input"];
}
