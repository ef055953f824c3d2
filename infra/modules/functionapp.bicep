// The function app on the Flex Consumption plan: a dotnet-isolated worker with Durable Functions
// (Azure Storage provider), whose task hub lives in the app's own storage account.

@description('Azure region of the plan and the app.')
param location string

@description('Flex Consumption plan name.')
@minLength(1)
@maxLength(60)
param planName string

@description('Function app name; also the host name prefix (<name>.azurewebsites.net).')
@minLength(2)
@maxLength(60)
param appName string

@description('Resource id of the user-assigned identity the app runs as.')
param identityId string

@description('Client id of that identity: what the app and the Functions host ask tokens for.')
param identityClientId string

@description('Storage account name, for the Functions host\'s own state and the Durable task hub (AzureWebJobsStorage).')
param storageAccountName string

@description('Blob endpoint of the storage account, ending with a slash.')
param blobEndpoint string

@description('Table endpoint of the storage account, ending with a slash.')
param tableEndpoint string

@description('Queue endpoint of the storage account, ending with a slash.')
param queueEndpoint string

@description('URL of the blob container the plan deploys the app package from.')
param deploymentContainerUrl string

@description('Prefix of every table, queue and container the app uses, so that environments can share an account.')
param storagePrefix string

@description('Durable Functions task hub name; host.json reads it as %TaskHubName%.')
param taskHubName string

@description('Full name of the queue the notification sender is triggered by (prefix included).')
param notificationQueueName string

@description('Application Insights connection string.')
param appInsightsConnectionString string

@description('Key Vault secret URIs by secret name (versionless, so a rotated secret is picked up).')
param secretUris {
  smtpPassword: string
}

@description('SMTP server host name.')
param smtpHost string

@description('SMTP server port.')
param smtpPort int

@description('Require STARTTLS (or TLS on 465) towards the SMTP server.')
param smtpUseTls bool

@description('SMTP user name.')
param smtpUserName string

@description('Sender address of every e-mail.')
param smtpSender string

@description('Issuer (authority) of the bearer tokens the API accepts.')
param jwtAuthority string

@description('Audience the bearer tokens must carry.')
param jwtAudience string

@description('Most instances the plan may scale out to.')
param maximumInstanceCount int

@description('Memory of each instance in MB.')
param instanceMemoryMB int

@description('Concurrent HTTP requests one instance takes before the plan adds another.')
param httpPerInstanceConcurrency int

@description('Instances kept warm for HTTP requests (0 lets the app scale to zero).')
param alwaysReadyHttpInstances int

param tags object

resource plan 'Microsoft.Web/serverfarms@2025-03-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    name: 'FC1'
    tier: 'FlexConsumption'
  }
  properties: {
    reserved: true
  }
}

resource app 'Microsoft.Web/sites@2025-03-01' = {
  name: appName
  location: location
  tags: tags
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    // Key Vault references resolve with this identity rather than a system-assigned one.
    keyVaultReferenceIdentity: identityId
    siteConfig: {
      minTlsVersion: '1.2'
      scmMinTlsVersion: '1.2'
      ftpsState: 'Disabled'
      http20Enabled: true
      appSettings: [
        // The Functions host, its queue and timer triggers and the Durable task hub reach storage with the identity;
        // there is no key to leak or rotate.
        { name: 'AzureWebJobsStorage__accountName', value: storageAccountName }
        { name: 'AzureWebJobsStorage__credential', value: 'managedidentity' }
        { name: 'AzureWebJobsStorage__clientId', value: identityClientId }
        { name: 'APPLICATIONINSIGHTS_CONNECTION_STRING', value: appInsightsConnectionString }
        { name: 'APPLICATIONINSIGHTS_AUTHENTICATION_STRING', value: 'ClientId=${identityClientId};Authorization=AAD' }
        // DefaultAzureCredential in the app picks the user-assigned identity from here.
        { name: 'AZURE_CLIENT_ID', value: identityClientId }
        { name: 'Storage__BlobEndpoint', value: blobEndpoint }
        { name: 'Storage__TableEndpoint', value: tableEndpoint }
        { name: 'Storage__QueueEndpoint', value: queueEndpoint }
        { name: 'Storage__ClientId', value: identityClientId }
        { name: 'Storage__Prefix', value: storagePrefix }
        // One hub per app and environment: two apps sharing a hub would take each other's work items.
        { name: 'TaskHubName', value: taskHubName }
        { name: 'NotificationQueueName', value: notificationQueueName }
        // The app binds these to Notifications:Smtp (NotificationOptions, SmtpOptions).
        { name: 'Notifications__Smtp__Host', value: smtpHost }
        { name: 'Notifications__Smtp__Port', value: string(smtpPort) }
        { name: 'Notifications__Smtp__UseTls', value: string(smtpUseTls) }
        { name: 'Notifications__Smtp__UserName', value: smtpUserName }
        { name: 'Notifications__Smtp__Sender', value: smtpSender }
        // A Key Vault reference: App Service resolves it at start-up with keyVaultReferenceIdentity.
        { name: 'Notifications__Smtp__Password', value: '@Microsoft.KeyVault(SecretUri=${secretUris.smtpPassword})' }
        { name: 'Jwt__Authority', value: jwtAuthority }
        { name: 'Jwt__Audience', value: jwtAudience }
      ]
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: deploymentContainerUrl
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identityId
          }
        }
      }
      runtime: {
        // The isolated worker on .NET 10 (az functionapp list-flexconsumption-runtimes lists what a region offers).
        name: 'dotnet-isolated'
        version: '10.0'
      }
      scaleAndConcurrency: {
        maximumInstanceCount: maximumInstanceCount
        instanceMemoryMB: instanceMemoryMB
        alwaysReady: alwaysReadyHttpInstances > 0 ? [{ name: 'http', instanceCount: alwaysReadyHttpInstances }] : []
        triggers: {
          http: {
            perInstanceConcurrency: httpPerInstanceConcurrency
          }
        }
      }
    }
  }
}

// Deployments go through Entra ID (az functionapp deployment source config-zip); publishing user names and passwords stay off.
resource ftpCredentials 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2025-03-01' = {
  parent: app
  name: 'ftp'
  properties: {
    allow: false
  }
}

resource scmCredentials 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2025-03-01' = {
  parent: app
  name: 'scm'
  properties: {
    allow: false
  }
}

output name string = app.name
output defaultHostName string = app.properties.defaultHostName
