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
    public void Function_app_runs_the_dotnet_isolated_worker_on_NET_10()
    {
        var app = template.Single("Microsoft.Web/sites");
        var runtime = app["properties"]?["functionAppConfig"]?["runtime"];

        Assert.Equal("functionapp,linux", (string?)app["kind"]);
        Assert.Equal("dotnet-isolated", (string?)runtime?["name"]);
        Assert.Equal("10.0", (string?)runtime?["version"]);
        Assert.True((bool?)app["properties"]?["httpsOnly"]);
    }

    [Theory]
    [InlineData("customHandler")] // also FUNCTIONS_CUSTOMHANDLER_PORT and the like: the match ignores case
    [InlineData("function.json")]
    [InlineData("workflow-events")]
    [InlineData("workflowindex")]
    public void Nothing_of_the_custom_handler_or_the_old_workflow_engine_is_left(string fragment)
    {
        Assert.DoesNotContain(fragment, template.Text, StringComparison.OrdinalIgnoreCase);
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
    [InlineData("TaskHubName")]
    [InlineData("NotificationQueueName")]
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
        // Binding expressions: host.json's durableTask hubName and the notification sender's queue trigger.
        string[] bindingExpressions = ["TaskHubName", "NotificationQueueName"];

        Assert.All(template.AppSettings().Keys, name => Assert.True(
            appSections.Concat(platform).Any(prefix => name.StartsWith(prefix, StringComparison.Ordinal))
                || bindingExpressions.Contains(name),
            $"{name} is read by nothing that runs in the app."));
    }

    [Fact]
    public void Functions_host_and_task_hub_reach_storage_with_the_managed_identity()
    {
        var settings = template.AppSettings();

        Assert.Equal("[parameters('storageAccountName')]", settings["AzureWebJobsStorage__accountName"]);
        Assert.Equal("managedidentity", settings["AzureWebJobsStorage__credential"]);
        // Durable Functions takes a user-assigned identity by client id (it does not support managedIdentityResourceId).
        Assert.Equal("[parameters('identityClientId')]", settings["AzureWebJobsStorage__clientId"]);
        Assert.Equal("[parameters('identityClientId')]", settings["Storage__ClientId"]);
        Assert.Equal("[parameters('identityClientId')]", settings["AZURE_CLIENT_ID"]);
        Assert.Contains("Authorization=AAD", settings["APPLICATIONINSIGHTS_AUTHENTICATION_STRING"], StringComparison.Ordinal);
    }

    [Fact]
    public void Task_hub_account_is_the_one_the_identity_holds_the_Durable_data_roles_on()
    {
        // Durable Functions on Azure Storage with an identity: blob (leases, large messages), queue (control and
        // work-item queues) and table (history, instances) data roles on the account AzureWebJobsStorage names.
        string[] durableRoles =
        [
            "b7e6dc6d-f1e8-4753-8033-0f276bb0955b", // Storage Blob Data Owner (a superset of Blob Data Contributor)
            "974c5e8b-45b9-4653-ba55-5f855dd0fb88", // Storage Queue Data Contributor
            "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3", // Storage Table Data Contributor
        ];
        var resources = template.Root["resources"];
        var assignments = template.Resources("Microsoft.Authorization/roleAssignments");

        Assert.Equal("[reference('storage').outputs.name.value]", (string?)resources?["functionApp"]?["properties"]?["parameters"]?["storageAccountName"]?["value"]);
        Assert.Equal("[variables('names').storage]", (string?)resources?["roles"]?["properties"]?["parameters"]?["storageAccountName"]?["value"]);
        Assert.Equal("[variables('names').storage]", (string?)resources?["storage"]?["properties"]?["parameters"]?["name"]?["value"]);
        Assert.All(durableRoles, role =>
        {
            var assignment = Assert.Single(assignments, a => ((string?)a["properties"]?["roleDefinitionId"])?.Contains(role, StringComparison.Ordinal) == true);
            Assert.Equal("[resourceId('Microsoft.Storage/storageAccounts', parameters('storageAccountName'))]", (string?)assignment["scope"]);
        });
    }

    [Fact]
    public void Task_hub_and_notification_queue_names_reach_the_app()
    {
        var settings = template.AppSettings();
        var resources = template.Root["resources"];
        var functionApp = resources?["functionApp"]?["properties"]?["parameters"];
        var storage = resources?["storage"]?["properties"]?["parameters"];

        Assert.Equal("[parameters('taskHubName')]", settings["TaskHubName"]);
        Assert.Equal("[parameters('taskHubName')]", (string?)functionApp?["taskHubName"]?["value"]);
        // The queue the trigger reads is the queue the deployment creates: both come from one variable.
        Assert.Equal("[parameters('notificationQueueName')]", settings["NotificationQueueName"]);
        Assert.Equal("[variables('notificationQueueName')]", (string?)functionApp?["notificationQueueName"]?["value"]);
        Assert.Equal(["[variables('notificationQueueName')]"], storage?["queueNames"]?["value"]?.AsArray().Select(name => (string?)name) ?? []);
        Assert.Equal("[format('{0}notifications', parameters('storagePrefix'))]", (string?)template.Root["variables"]?["notificationQueueName"]);
    }

    [Fact]
    public void Task_hub_name_is_a_parameter_kept_within_the_Azure_Storage_provider_limits()
    {
        var parameter = template.Root["parameters"]?["taskHubName"];

        Assert.Equal("string", (string?)parameter?["type"]);
        Assert.Equal(3, (int?)parameter?["minLength"]);
        Assert.Equal(45, (int?)parameter?["maxLength"]);
        // Environments sharing an account through the prefix must not share a hub.
        Assert.Equal("[format('{0}taskhub', parameters('storagePrefix'))]", (string?)parameter?["defaultValue"]);
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
    [InlineData("FUNCTIONS_WORKER_RUNTIME_VERSION")]
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
