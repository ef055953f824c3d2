namespace SafetyCert.Infra.Tests.Templates;

public sealed class AccessTemplateTests(MainTemplateFixture fixture)
{
    private readonly CompiledTemplate template = fixture.Template;

    [Theory]
    [InlineData("b7e6dc6d-f1e8-4753-8033-0f276bb0955b", "Microsoft.Storage/storageAccounts")] // Storage Blob Data Owner
    [InlineData("0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3", "Microsoft.Storage/storageAccounts")] // Storage Table Data Contributor
    [InlineData("974c5e8b-45b9-4653-ba55-5f855dd0fb88", "Microsoft.Storage/storageAccounts")] // Storage Queue Data Contributor
    [InlineData("3913510d-42f4-4e42-8a64-420c390055eb", "Microsoft.Insights/components")] // Monitoring Metrics Publisher
    [InlineData("4633458b-17de-408a-b874-0445c86b69e6", "Microsoft.KeyVault/vaults")] // Key Vault Secrets User
    public void Identity_holds_the_built_in_role_on_the_resource_it_concerns(string roleDefinitionId, string scopeType)
    {
        var assignment = Assert.Single(
            template.Resources("Microsoft.Authorization/roleAssignments"),
            resource => ((string?)resource["properties"]?["roleDefinitionId"])?.Contains(roleDefinitionId, StringComparison.Ordinal) == true);

        Assert.StartsWith($"[resourceId('{scopeType}', ", (string?)assignment["scope"], StringComparison.Ordinal);
        Assert.Equal(
            "[reference(resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', parameters('identityName')), '2024-11-30').principalId]",
            (string?)assignment["properties"]?["principalId"]);
        Assert.Equal("ServicePrincipal", (string?)assignment["properties"]?["principalType"]);
    }

    [Fact]
    public void Identity_holds_only_data_roles_on_the_storage_account()
    {
        // Durable Functions on Azure Storage needs blob, queue and table data access and no control-plane role
        // (Storage Account Contributor, 17d1049b-…, could read the keys that shared-key access being off makes useless anyway).
        var onStorage = template.Resources("Microsoft.Authorization/roleAssignments")
            .Where(resource => ((string?)resource["scope"])?.StartsWith("[resourceId('Microsoft.Storage/storageAccounts', ", StringComparison.Ordinal) == true)
            .Select(resource => (string?)resource["properties"]?["roleDefinitionId"])
            .Order(StringComparer.Ordinal);

        Assert.Equal(
            [
                "[subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3')]",
                "[subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '974c5e8b-45b9-4653-ba55-5f855dd0fb88')]",
                "[subscriptionResourceId('Microsoft.Authorization/roleDefinitions', 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b')]",
            ],
            onStorage);
    }

    [Theory]
    [InlineData("identityName", "identity", null)]
    [InlineData("storageAccountName", "storage", "name")]
    [InlineData("appInsightsName", "monitoring", "appInsightsName")]
    [InlineData("keyVaultName", "keyVault", "name")]
    public void Role_assignments_name_the_resources_this_deployment_creates(string rolesParameter, string resource, string? resourceParameter)
    {
        var resources = template.Root["resources"];
        var created = resourceParameter is null
            ? (string?)resources?[resource]?["name"]
            : (string?)resources?[resource]?["properties"]?["parameters"]?[resourceParameter]?["value"];

        Assert.StartsWith("[variables('names').", created, StringComparison.Ordinal);
        Assert.Equal(created, (string?)resources?["roles"]?["properties"]?["parameters"]?[rolesParameter]?["value"]);
        Assert.Contains(resource, resources?["roles"]?["dependsOn"]?.AsArray().Select(node => (string?)node) ?? []);
    }

    [Fact]
    public void Function_app_waits_for_the_role_assignments()
    {
        var dependsOn = template.Root["resources"]?["functionApp"]?["dependsOn"]?.AsArray().Select(node => (string?)node);

        Assert.Contains("roles", dependsOn ?? []);
    }

    [Fact]
    public void Key_Vault_uses_Azure_RBAC_soft_delete_and_purge_protection()
    {
        var vault = template.Single("Microsoft.KeyVault/vaults")["properties"];

        Assert.True((bool?)vault?["enableRbacAuthorization"]);
        Assert.True((bool?)vault?["enableSoftDelete"]);
        Assert.True((bool?)vault?["enablePurgeProtection"]);
    }

    [Theory]
    [InlineData("smtpPassword", "smtp-password")]
    public void Secret_is_stored_in_the_vault_from_its_secure_parameter(string parameter, string secretName)
    {
        var module = template.Root["resources"]?["keyVault"]?["properties"];
        var secret = Assert.Single(
            template.Resources("Microsoft.KeyVault/vaults/secrets"),
            resource => ((string?)resource["name"])?.EndsWith($"'{secretName}')]", StringComparison.Ordinal) == true);

        Assert.Equal("securestring", (string?)template.Root["parameters"]?[parameter]?["type"]);
        Assert.Equal("securestring", (string?)module?["template"]?["parameters"]?[parameter]?["type"]);
        Assert.Equal($"[parameters('{parameter}')]", (string?)module?["parameters"]?[parameter]?["value"]);
        Assert.Equal($"[parameters('{parameter}')]", (string?)secret["properties"]?["value"]);
    }

    [Fact]
    public void The_SMTP_password_is_the_only_secret_in_the_vault()
    {
        // Robot keys and secrets are per-party contact data the app stores, not deployment secrets.
        var secret = Assert.Single(template.Resources("Microsoft.KeyVault/vaults/secrets"));

        Assert.EndsWith("'smtp-password')]", (string?)secret["name"], StringComparison.Ordinal);
    }

    [Fact]
    public void Application_Insights_accepts_Entra_ID_authenticated_telemetry_only()
    {
        var component = template.Single("Microsoft.Insights/components");

        Assert.True((bool?)component["properties"]?["DisableLocalAuth"]);
        Assert.Contains("Microsoft.OperationalInsights/workspaces", (string?)component["properties"]?["WorkspaceResourceId"], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("functionAppName")]
    [InlineData("functionAppHostName")]
    [InlineData("storageAccountName")]
    [InlineData("storageBlobEndpoint")]
    [InlineData("storageTableEndpoint")]
    [InlineData("storageQueueEndpoint")]
    [InlineData("identityClientId")]
    [InlineData("keyVaultName")]
    [InlineData("keyVaultUri")]
    [InlineData("appInsightsName")]
    public void Deployment_outputs(string name)
    {
        Assert.Equal("string", (string?)template.Root["outputs"]?[name]?["type"]);
    }
}
