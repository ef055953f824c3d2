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
        var documents = Assert.Single(containers, container => ((string?)container["copy"]?["count"])?.Contains("documentContainerNames", StringComparison.Ordinal) == true);
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
    [InlineData("Microsoft.Storage/storageAccounts/blobServices/containers", "appContainerNames")]
    public void Tables_queues_and_app_containers_carry_the_app_prefix(string type, string parameter)
    {
        var input = StorageModuleParameterCopy(parameter);

        Assert.Single(template.Resources(type), resource => ((string?)resource["copy"]?["count"])?.Contains($"'{parameter}'", StringComparison.Ordinal) == true);
        Assert.Equal($"[format('{{0}}{{1}}', parameters('storagePrefix'), parameters('{parameter}')[copyIndex('value')])]", input);
    }

    // The names the app uses, before its prefix: src/SafetyCert.Engine/Workflows/WorkflowStorageNames.cs,
    // src/SafetyCert.Host/Notifications/NotificationStorage.cs and NotificationQueueFunction.cs, and the document metadata table.
    [Theory]
    [InlineData("tableNames", new[] { "workflows", "workflowindex", "workflowtimers", "contacts", "deliveries", "documents" })]
    [InlineData("queueNames", new[] { "workflow-events", "notifications" })]
    [InlineData("appContainerNames", new[] { "workflow-data" })]
    public void Storage_created_up_front_has_the_names_the_app_uses(string parameter, string[] names)
    {
        var defaults = template.Root["parameters"]?[parameter]?["defaultValue"]?.AsArray().Select(name => (string?)name);

        Assert.Equal(names, defaults);
    }

    [Fact]
    public void Poison_queues_are_left_to_the_Functions_host()
    {
        // The host creates <queue>-poison when a message first exhausts its attempts; deploying them would only
        // duplicate that and fall out of step when a queue is added.
        var queues = template.Root["parameters"]?["queueNames"]?["defaultValue"]?.AsArray().Select(name => (string?)name);

        Assert.NotNull(queues);
        Assert.DoesNotContain(queues, name => name?.EndsWith("-poison", StringComparison.Ordinal) == true);
    }

    private JsonNode? StorageModuleParameter(string name) =>
        template.Root["resources"]?["storage"]?["properties"]?["parameters"]?[name]?["value"];

    private string? StorageModuleParameterCopy(string name) =>
        (string?)template.Root["resources"]?["storage"]?["properties"]?["parameters"]?[name]?["copy"]?[0]?["input"];
}
