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
    public void There_is_one_document_container_per_document_kind_named_with_the_app_prefix()
    {
        // The app opens <prefix><kind> (StorageAccount.ContainerAsync); an unprefixed container would leave the
        // documents in one the app creates itself, without the immutability policy.
        var kinds = template.Root["variables"]?["documentKinds"]?.AsArray().Select(name => (string?)name);

        Assert.Equal(
            ["self-assessment-reports", "application-materials", "review-reports", "revocation-evidence", "remediation-evidence"],
            kinds);
        Assert.Equal(
            "[format('{0}{1}', parameters('storagePrefix'), variables('documentKinds')[copyIndex('value')])]",
            StorageModuleParameterCopy("documentContainerNames"));
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
    [InlineData("Microsoft.Storage/storageAccounts/blobServices/containers", "appContainerNames")]
    public void Tables_and_app_containers_carry_the_app_prefix(string type, string parameter)
    {
        var input = StorageModuleParameterCopy(parameter);

        Assert.Single(template.Resources(type), resource => ((string?)resource["copy"]?["count"])?.Contains($"'{parameter}'", StringComparison.Ordinal) == true);
        Assert.Equal($"[format('{{0}}{{1}}', parameters('storagePrefix'), parameters('{parameter}')[copyIndex('value')])]", input);
    }

    // The names the app uses, before its prefix: src/SafetyCert.Functions/Workflows/WorkflowStorageNames.cs,
    // Notifications/NotificationStorage.cs and Documents/DocumentStore.cs.
    [Theory]
    [InlineData("tableNames", new[] { "workflows", "workflowaudit", "workflowtimers", "contacts", "deliveries", "documents" })]
    [InlineData("appContainerNames", new[] { "workflow-data" })]
    public void Storage_created_up_front_has_the_names_the_app_uses(string parameter, string[] names)
    {
        var defaults = template.Root["parameters"]?[parameter]?["defaultValue"]?.AsArray().Select(name => (string?)name);

        Assert.Equal(names, defaults);
    }

    [Fact]
    public void The_only_queue_deployed_is_the_notification_queue()
    {
        // Durable creates its task hub queues (<hub>-control-nn, <hub>-workitems) itself, and the Functions host
        // creates <queue>-poison when a message first exhausts its attempts; deploying either would only fall out of step.
        var queues = template.Single("Microsoft.Storage/storageAccounts/queueServices/queues");

        Assert.Equal("[length(parameters('queueNames'))]", (string?)queues["copy"]?["count"]);
        Assert.Equal(["[variables('notificationQueueName')]"], StorageModuleParameter("queueNames")?.AsArray().Select(name => (string?)name) ?? []);
    }

    [Fact]
    public void Task_hub_resources_are_left_to_Durable()
    {
        // Nothing in the template is named after the task hub: Durable creates its tables, queues and containers at run time.
        var names = template.Resources("Microsoft.Storage/storageAccounts/tableServices/tables")
            .Concat(template.Resources("Microsoft.Storage/storageAccounts/queueServices/queues"))
            .Concat(template.Resources("Microsoft.Storage/storageAccounts/blobServices/containers"))
            .Select(resource => (string?)resource["name"]);

        Assert.All(names, name => Assert.DoesNotContain("taskHub", name, StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain("taskHubName", (string?)template.Root["resources"]?["storage"]?["properties"]?["parameters"]?.ToJsonString(), StringComparison.Ordinal);
    }

    private JsonNode? StorageModuleParameter(string name) =>
        template.Root["resources"]?["storage"]?["properties"]?["parameters"]?[name]?["value"];

    private string? StorageModuleParameterCopy(string name) =>
        (string?)template.Root["resources"]?["storage"]?["properties"]?["parameters"]?[name]?["copy"]?[0]?["input"];
}
