// SafetyCert in Azure: the function app on Flex Consumption, its storage, secrets and telemetry,
// all reached through one user-assigned managed identity. No account key or connection string
// with a key is ever handed to the app.
targetScope = 'resourceGroup'

@description('Short lowercase name every resource name starts from (letters and digits).')
@minLength(3)
@maxLength(8)
param baseName string = 'safecert'

@description('Environment the resources belong to; part of every name.')
@allowed([
  'dev'
  'test'
  'prod'
])
param environmentName string

@description('Azure region of every resource.')
param location string = resourceGroup().location

@description('Replication of the storage account.')
@allowed([
  'Standard_LRS'
  'Standard_ZRS'
  'Standard_GRS'
  'Standard_GZRS'
])
param storageSku string = 'Standard_LRS'

@description('Days a document stays write-once after upload (container-level time-based immutability).')
@minValue(1)
@maxValue(146000)
param documentImmutabilityDays int

@description('Days a deleted blob, container or Key Vault secret can still be restored.')
@minValue(7)
@maxValue(90)
param softDeleteDays int = 30

@description('Days logs and telemetry are kept.')
@minValue(30)
@maxValue(730)
param logRetentionDays int = 30

@description('Prefix of every table, queue and blob container the app uses, document containers included (app setting Storage__Prefix: lowercase letters and digits, starting with a letter).')
@minLength(1)
@maxLength(10)
param storagePrefix string = 'sc'

@description('Durable Functions task hub (app setting TaskHubName, read by host.json as %TaskHubName%): 3-45 letters and digits, starting with a letter. Its queues, tables and containers are created by Durable at run time in the app\'s storage account. Renaming it starts an empty hub: instances in the old one stop being processed.')
@minLength(3)
@maxLength(45)
param taskHubName string = '${storagePrefix}taskhub'

@description('Tables created with the deployment, without the prefix: the workflows\' projection, audit trail and due index (WorkflowStorageNames), the notification module\'s (NotificationStorage) and the document metadata. Durable Functions creates its own task hub tables at run time.')
param tableNames string[] = [
  'workflows'
  'workflowaudit'
  'workflowtimers'
  'contacts'
  'deliveries'
  'documents'
]

@description('Blob containers of the app created with the deployment, without the prefix (not the document containers): the workflows\' values too long for a table entity.')
param appContainerNames string[] = [
  'workflow-data'
]

@description('Most instances the Flex Consumption plan may scale out to.')
@minValue(40)
@maxValue(1000)
param maximumInstanceCount int = 40

@description('Memory of each instance in MB.')
@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int = 2048

@description('Concurrent HTTP requests one instance takes before the plan adds another.')
@minValue(1)
@maxValue(1000)
param httpPerInstanceConcurrency int = 16

@description('Instances kept warm for HTTP requests; 0 lets the app scale to zero.')
@minValue(0)
@maxValue(20)
param alwaysReadyHttpInstances int = 0

@description('SMTP server host name.')
@minLength(1)
param smtpHost string

@description('SMTP server port (587 for STARTTLS, 465 for TLS).')
@minValue(1)
@maxValue(65535)
param smtpPort int = 587

@description('Require STARTTLS (or TLS on 465) towards the SMTP server.')
param smtpUseTls bool = true

@description('SMTP user name.')
@minLength(1)
param smtpUserName string

@description('Sender address of every e-mail (a bare address; the app adds the display name).')
@minLength(3)
param smtpSender string

@description('SMTP password; stored in Key Vault, never in an app setting. Robot keys and secrets are not deployment parameters: they belong to each party\'s contacts, which the app stores.')
@secure()
@minLength(1)
param smtpPassword string

@description('Entra ID tenant that issues the API\'s bearer tokens.')
param jwtTenantId string = tenant().tenantId

@description('Audience the API\'s bearer tokens must carry (the app registration\'s Application ID URI or client id).')
@minLength(1)
param jwtAudience string

@description('Region of the web console\'s Static Web App (offered in westus2, centralus, eastus2, westeurope and eastasia).')
@allowed([
  'westus2'
  'centralus'
  'eastus2'
  'westeurope'
  'eastasia'
])
param consoleLocation string = 'eastasia'

@description('Tags on every resource.')
param tags object = {}

var allTags = union(tags, {
  application: 'safetycert'
  environment: environmentName
})
var suffix = uniqueString(resourceGroup().id, baseName, environmentName)
var names = {
  identity: 'id-${baseName}-${environmentName}'
  storage: take(toLower('st${baseName}${environmentName}${suffix}'), 24)
  keyVault: 'kv-${baseName}-${environmentName}-${take(suffix, 5)}'
  workspace: 'log-${baseName}-${environmentName}'
  appInsights: 'appi-${baseName}-${environmentName}'
  plan: 'plan-${baseName}-${environmentName}'
  functionApp: 'func-${baseName}-${environmentName}-${take(suffix, 6)}'
  console: 'stapp-${baseName}-${environmentName}-${take(suffix, 6)}'
}
// One container per document kind, named <prefix><kind> like every container the app opens (StorageAccount.ContainerAsync).
var documentKinds = [
  'self-assessment-reports'
  'application-materials'
  'review-reports'
  'revocation-evidence'
  'remediation-evidence'
]
var deploymentContainerName = toLower('app-package-${names.functionApp}')
// The notification queue (NotificationStorage): the sender enqueues to it and its [QueueTrigger("%NotificationQueueName%")] reads it.
var notificationQueueName = '${storagePrefix}notifications'

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2024-11-30' = {
  name: names.identity
  location: location
  tags: allTags
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  params: {
    location: location
    name: names.storage
    skuName: storageSku
    documentContainerNames: [for kind in documentKinds: '${storagePrefix}${kind}']
    deploymentContainerName: deploymentContainerName
    documentImmutabilityDays: documentImmutabilityDays
    softDeleteDays: softDeleteDays
    appContainerNames: [for container in appContainerNames: '${storagePrefix}${container}']
    tableNames: [for table in tableNames: '${storagePrefix}${table}']
    queueNames: [
      notificationQueueName
    ]
    tags: allTags
  }
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  params: {
    location: location
    workspaceName: names.workspace
    appInsightsName: names.appInsights
    retentionInDays: logRetentionDays
    tags: allTags
  }
}

module keyVault 'modules/keyvault.bicep' = {
  name: 'keyVault'
  params: {
    location: location
    name: names.keyVault
    softDeleteRetentionInDays: softDeleteDays
    smtpPassword: smtpPassword
    tags: allTags
  }
}

// Names known before deployment (not module outputs) keep what-if precise; dependsOn keeps the order.
module roles 'modules/roles.bicep' = {
  name: 'roles'
  dependsOn: [
    storage
    monitoring
    keyVault
  ]
  params: {
    identityName: identity.name
    storageAccountName: names.storage
    appInsightsName: names.appInsights
    keyVaultName: names.keyVault
  }
}

module functionApp 'modules/functionapp.bicep' = {
  name: 'functionApp'
  // Deployment storage, AzureWebJobsStorage and Key Vault references all need the grants in place first.
  dependsOn: [
    roles
  ]
  params: {
    location: location
    planName: names.plan
    appName: names.functionApp
    identityId: identity.id
    identityClientId: identity.properties.clientId
    storageAccountName: storage.outputs.name
    blobEndpoint: storage.outputs.blobEndpoint
    tableEndpoint: storage.outputs.tableEndpoint
    queueEndpoint: storage.outputs.queueEndpoint
    deploymentContainerUrl: storage.outputs.deploymentContainerUrl
    storagePrefix: storagePrefix
    taskHubName: taskHubName
    notificationQueueName: notificationQueueName
    appInsightsConnectionString: monitoring.outputs.connectionString
    secretUris: keyVault.outputs.secretUris
    smtpHost: smtpHost
    smtpPort: smtpPort
    smtpUseTls: smtpUseTls
    smtpUserName: smtpUserName
    smtpSender: smtpSender
    jwtAuthority: '${environment().authentication.loginEndpoint}${jwtTenantId}/v2.0'
    jwtAudience: jwtAudience
    maximumInstanceCount: maximumInstanceCount
    instanceMemoryMB: instanceMemoryMB
    httpPerInstanceConcurrency: httpPerInstanceConcurrency
    alwaysReadyHttpInstances: alwaysReadyHttpInstances
    tags: allTags
  }
}

module console 'modules/staticwebapp.bicep' = {
  name: 'console'
  params: {
    location: consoleLocation
    name: names.console
    functionAppId: resourceId('Microsoft.Web/sites', names.functionApp)
    functionAppLocation: location
    tags: allTags
  }
  dependsOn: [
    functionApp
  ]
}

@description('Name of the function app.')
output functionAppName string = functionApp.outputs.name

@description('Default host name of the function app (<name>.azurewebsites.net).')
output functionAppHostName string = functionApp.outputs.defaultHostName

@description('Name of the storage account.')
output storageAccountName string = storage.outputs.name

@description('Blob endpoint of the storage account.')
output storageBlobEndpoint string = storage.outputs.blobEndpoint

@description('Table endpoint of the storage account.')
output storageTableEndpoint string = storage.outputs.tableEndpoint

@description('Queue endpoint of the storage account.')
output storageQueueEndpoint string = storage.outputs.queueEndpoint

@description('Client id of the user-assigned identity the app runs as.')
output identityClientId string = identity.properties.clientId

@description('Name of the Key Vault.')
output keyVaultName string = keyVault.outputs.name

@description('URI of the Key Vault.')
output keyVaultUri string = keyVault.outputs.uri

@description('Name of the Application Insights component.')
output appInsightsName string = monitoring.outputs.appInsightsName

@description('Name of the web console\'s static web app.')
output consoleName string = console.outputs.name

@description('Host name of the web console (its /api goes to the function app).')
output consoleHostName string = console.outputs.defaultHostName
