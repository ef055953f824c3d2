// Logs and telemetry: one Log Analytics workspace and the Application Insights component on it.

@description('Azure region of the workspace and the component.')
param location string

@description('Log Analytics workspace name.')
@minLength(4)
@maxLength(63)
param workspaceName string

@description('Application Insights component name.')
@minLength(1)
@maxLength(260)
param appInsightsName string

@description('Days logs are kept.')
@minValue(30)
@maxValue(730)
param retentionInDays int

param tags object

resource workspace 'Microsoft.OperationalInsights/workspaces@2025-02-01' = {
  name: workspaceName
  location: location
  tags: tags
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: retentionInDays
  }
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: appInsightsName
  location: location
  tags: tags
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: workspace.id
    // Telemetry is accepted only with an Entra ID token (the app's identity holds Monitoring Metrics Publisher),
    // so the connection string alone, which is no secret, cannot be used to write into it.
    DisableLocalAuth: true
    IngestionMode: 'LogAnalytics'
    publicNetworkAccessForIngestion: 'Enabled'
    publicNetworkAccessForQuery: 'Enabled'
  }
}

output appInsightsName string = appInsights.name
output appInsightsId string = appInsights.id
output connectionString string = appInsights.properties.ConnectionString
