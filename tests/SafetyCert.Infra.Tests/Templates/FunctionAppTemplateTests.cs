namespace SafetyCert.Infra.Tests.Templates;

public sealed class FunctionAppTemplateTests(MainTemplateFixture fixture)
{
    private readonly CompiledTemplate template = fixture.Template;

    [Fact]
    public void Plan_is_Flex_Consumption_FC1_on_Linux()
    {
        var plan = template.Single("Microsoft.Web/serverfarms");

        Assert.Equal("FC1", (string?)plan["sku"]?["name"]);
        Assert.Equal("FlexConsumption", (string?)plan["sku"]?["tier"]);
        Assert.True((bool?)plan["properties"]?["reserved"]);
    }

    [Fact]
    public void Function_app_runs_the_host_as_a_custom_handler()
    {
        var app = template.Single("Microsoft.Web/sites");

        Assert.Equal("functionapp,linux", (string?)app["kind"]);
        Assert.Equal("custom", (string?)app["properties"]?["functionAppConfig"]?["runtime"]?["name"]);
        Assert.True((bool?)app["properties"]?["httpsOnly"]);
    }

    [Fact]
    public void Function_app_deploys_from_blob_storage_with_the_user_assigned_identity()
    {
        var app = template.Single("Microsoft.Web/sites");
        var storage = app["properties"]?["functionAppConfig"]?["deployment"]?["storage"];

        Assert.Equal("blobContainer", (string?)storage?["type"]);
        Assert.Equal("UserAssignedIdentity", (string?)storage?["authentication"]?["type"]);
        Assert.Equal("[parameters('identityId')]", (string?)storage?["authentication"]?["userAssignedIdentityResourceId"]);
        Assert.Equal("UserAssigned", (string?)app["identity"]?["type"]);
    }

    [Fact]
    public void Function_app_sets_scale_concurrency_and_instance_memory()
    {
        var scale = template.Single("Microsoft.Web/sites")["properties"]?["functionAppConfig"]?["scaleAndConcurrency"];

        Assert.Equal("[parameters('maximumInstanceCount')]", (string?)scale?["maximumInstanceCount"]);
        Assert.Equal("[parameters('instanceMemoryMB')]", (string?)scale?["instanceMemoryMB"]);
        Assert.Equal("[parameters('httpPerInstanceConcurrency')]", (string?)scale?["triggers"]?["http"]?["perInstanceConcurrency"]);
    }

    [Theory]
    [InlineData("AzureWebJobsStorage__accountName")]
    [InlineData("AzureWebJobsStorage__credential")]
    [InlineData("AzureWebJobsStorage__clientId")]
    [InlineData("APPLICATIONINSIGHTS_CONNECTION_STRING")]
    [InlineData("APPLICATIONINSIGHTS_AUTHENTICATION_STRING")]
    [InlineData("AZURE_CLIENT_ID")]
    [InlineData("Storage__BlobEndpoint")]
    [InlineData("Storage__TableEndpoint")]
    [InlineData("Storage__QueueEndpoint")]
    [InlineData("Storage__ClientId")]
    [InlineData("Storage__Prefix")]
    [InlineData("Notifications__Smtp__Host")]
    [InlineData("Notifications__Smtp__Port")]
    [InlineData("Notifications__Smtp__UseTls")]
    [InlineData("Notifications__Smtp__UserName")]
    [InlineData("Notifications__Smtp__Sender")]
    [InlineData("Notifications__Smtp__Password")]
    [InlineData("Jwt__Authority")]
    [InlineData("Jwt__Audience")]
    public void App_setting_is_present(string name)
    {
        var settings = template.AppSettings();

        Assert.True(settings.ContainsKey(name), $"{name} is missing; settings: {string.Join(", ", settings.Keys)}");
        Assert.False(string.IsNullOrWhiteSpace(settings[name]));
    }

    [Fact]
    public void Every_app_setting_is_one_the_Functions_host_or_the_app_reads()
    {
        // The app's sections: Storage (StorageOptions), Notifications (NotificationOptions), Jwt (JwtOptions).
        string[] appSections = ["Storage__", "Notifications__", "Jwt__"];
        string[] platform = ["AzureWebJobsStorage__", "APPLICATIONINSIGHTS_", "AZURE_CLIENT_ID"];

        Assert.All(template.AppSettings().Keys, name => Assert.True(
            appSections.Concat(platform).Any(prefix => name.StartsWith(prefix, StringComparison.Ordinal)),
            $"{name} is read by nothing that runs in the app."));
    }

    [Fact]
    public void Functions_host_reaches_its_storage_with_the_managed_identity()
    {
        var settings = template.AppSettings();

        Assert.Equal("managedidentity", settings["AzureWebJobsStorage__credential"]);
        Assert.Equal("[parameters('identityClientId')]", settings["AzureWebJobsStorage__clientId"]);
        Assert.Equal("[parameters('identityClientId')]", settings["Storage__ClientId"]);
        Assert.Equal("[parameters('identityClientId')]", settings["AZURE_CLIENT_ID"]);
        Assert.Contains("Authorization=AAD", settings["APPLICATIONINSIGHTS_AUTHENTICATION_STRING"], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Notifications__Smtp__Password", "smtpPassword")]
    public void Secret_setting_is_a_Key_Vault_reference_resolved_with_the_identity(string setting, string secret)
    {
        var app = template.Single("Microsoft.Web/sites");

        Assert.Equal(
            $"[format('@Microsoft.KeyVault(SecretUri={{0}})', parameters('secretUris').{secret})]",
            template.AppSettings()[setting]);
        Assert.Equal("[parameters('identityId')]", (string?)app["properties"]?["keyVaultReferenceIdentity"]);
    }

    [Fact]
    public void Secret_uris_are_the_versionless_uris_of_the_deployed_secrets()
    {
        var resources = template.Root["resources"];
        var passed = (string?)resources?["functionApp"]?["properties"]?["parameters"]?["secretUris"]?["value"];
        var uris = resources?["keyVault"]?["properties"]?["template"]?["outputs"]?["secretUris"]?["value"]?.AsObject();

        Assert.Equal("[reference('keyVault').outputs.secretUris.value]", passed);
        Assert.NotNull(uris);
        Assert.Equal(["smtpPassword"], uris.Select(uri => uri.Key));
        Assert.All(uris, uri =>
        {
            Assert.StartsWith("[reference(resourceId('Microsoft.KeyVault/vaults/secrets', parameters('name'), ", (string?)uri.Value, StringComparison.Ordinal);
            Assert.EndsWith(").secretUri]", (string?)uri.Value, StringComparison.Ordinal);
        });
    }

    [Theory]
    [InlineData("AccountKey")]
    [InlineData("listKeys")]
    [InlineData("SharedAccessSignature")]
    [InlineData("DefaultEndpointsProtocol")]
    [InlineData("UseDevelopmentStorage")]
    public void No_app_setting_carries_a_storage_key(string fragment)
    {
        var offending = template.AppSettings().Where(setting => setting.Value.Contains(fragment, StringComparison.OrdinalIgnoreCase));

        Assert.Empty(offending);
    }

    [Fact]
    public void Template_never_lists_account_keys()
    {
        Assert.DoesNotContain("listKeys", template.Text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("AccountKey=", template.Text, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("AzureWebJobsStorage")]
    [InlineData("FUNCTIONS_WORKER_RUNTIME")]
    [InlineData("FUNCTIONS_EXTENSION_VERSION")]
    [InlineData("WEBSITE_RUN_FROM_PACKAGE")]
    [InlineData("WEBSITE_CONTENTAZUREFILECONNECTIONSTRING")]
    [InlineData("WEBSITE_CONTENTSHARE")]
    public void Setting_that_Flex_Consumption_rejects_or_that_needs_a_key_is_absent(string name)
    {
        Assert.DoesNotContain(name, template.AppSettings().Keys);
    }

    [Theory]
    [InlineData("ftp")]
    [InlineData("scm")]
    public void Basic_publishing_credentials_are_off(string name)
    {
        var policy = Assert.Single(
            template.Resources("Microsoft.Web/sites/basicPublishingCredentialsPolicies"),
            resource => ((string?)resource["name"])?.EndsWith($"'{name}')]", StringComparison.Ordinal) == true);

        Assert.False((bool?)policy["properties"]?["allow"]);
    }
}
