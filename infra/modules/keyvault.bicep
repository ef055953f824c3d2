// Secrets the app needs and Azure cannot replace with an identity: the SMTP password and the chat robots' secrets.

@description('Azure region of the vault.')
param location string

@description('Key Vault name: 3-24 letters, digits and hyphens, globally unique.')
@minLength(3)
@maxLength(24)
param name string

@description('Days a deleted vault or secret can still be recovered.')
@minValue(7)
@maxValue(90)
param softDeleteRetentionInDays int

@description('Password of the SMTP account.')
@secure()
param smtpPassword string

@description('Key of the WeCom group robot webhook.')
@secure()
param weComRobotKey string

@description('Access token of the DingTalk robot webhook.')
@secure()
param dingTalkRobotAccessToken string

@description('Signing secret of the DingTalk robot.')
@secure()
param dingTalkRobotSecret string

param tags object

resource vault 'Microsoft.KeyVault/vaults@2025-05-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: tenant().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    // Access through Azure roles, like storage, instead of a separate list of access policies.
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: softDeleteRetentionInDays
    enablePurgeProtection: true
    enabledForDeployment: false
    enabledForTemplateDeployment: false
    enabledForDiskEncryption: false
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      defaultAction: 'Allow'
      bypass: 'AzureServices'
    }
  }
}

resource smtpPasswordSecret 'Microsoft.KeyVault/vaults/secrets@2025-05-01' = {
  parent: vault
  name: 'smtp-password'
  properties: {
    value: smtpPassword
    contentType: 'text/plain'
  }
}

resource weComRobotKeySecret 'Microsoft.KeyVault/vaults/secrets@2025-05-01' = {
  parent: vault
  name: 'wecom-robot-key'
  properties: {
    value: weComRobotKey
    contentType: 'text/plain'
  }
}

resource dingTalkRobotAccessTokenSecret 'Microsoft.KeyVault/vaults/secrets@2025-05-01' = {
  parent: vault
  name: 'dingtalk-robot-access-token'
  properties: {
    value: dingTalkRobotAccessToken
    contentType: 'text/plain'
  }
}

resource dingTalkRobotSecretSecret 'Microsoft.KeyVault/vaults/secrets@2025-05-01' = {
  parent: vault
  name: 'dingtalk-robot-secret'
  properties: {
    value: dingTalkRobotSecret
    contentType: 'text/plain'
  }
}

output name string = vault.name
output id string = vault.id
output uri string = vault.properties.vaultUri

// Versionless URIs: a rotated secret reaches the app without a redeployment.
output secretUris object = {
  smtpPassword: smtpPasswordSecret.properties.secretUri
  weComRobotKey: weComRobotKeySecret.properties.secretUri
  dingTalkRobotAccessToken: dingTalkRobotAccessTokenSecret.properties.secretUri
  dingTalkRobotSecret: dingTalkRobotSecretSecret.properties.secretUri
}
