// The web console as a Static Web App linked to the function app: the site serves the built console and forwards /api
// to the function app, so the console calls the same API as every other client, from the same origin.

@description('Static Web Apps are offered in a few regions only; the site itself is global.')
param location string

@description('Name of the static web app.')
param name string

@description('Resource id of the function app the site forwards /api to.')
param functionAppId string

@description('Region of the function app.')
param functionAppLocation string

@description('Tags on the site.')
param tags object

resource site 'Microsoft.Web/staticSites@2024-11-01' = {
  name: name
  location: location
  tags: tags
  // Linked backends need the Standard plan.
  sku: {
    name: 'Standard'
    tier: 'Standard'
  }
  properties: {
    // Deployed by the pipeline (the built dist/ with its config.json), not from a repository.
    provider: 'None'
    stagingEnvironmentPolicy: 'Disabled'
    allowConfigFileUpdates: true
  }
}

resource backend 'Microsoft.Web/staticSites/linkedBackends@2024-11-01' = {
  parent: site
  name: 'api'
  properties: {
    backendResourceId: functionAppId
    region: functionAppLocation
  }
}

@description('Name of the static web app.')
output name string = site.name

@description('Default host name of the console.')
output defaultHostName string = site.properties.defaultHostname
