// Production: zone-redundant storage, documents write-once for ten years, a warm HTTP instance.
// The SMTP password comes from the deploying shell's environment and never lives in the repository.
using 'main.bicep'

param environmentName = 'prod'
param storageSku = 'Standard_ZRS'
param documentImmutabilityDays = 3650
param softDeleteDays = 90
param logRetentionDays = 365
param storagePrefix = 'prod'
// Renaming the task hub orphans every running workflow in the old one; keep it for the life of the environment.
param taskHubName = 'safetycertprod'
param maximumInstanceCount = 100
param instanceMemoryMB = 2048
param httpPerInstanceConcurrency = 16
param alwaysReadyHttpInstances = 1

param smtpHost = 'smtp.example.cn'
param smtpPort = 587
param smtpUserName = 'notify@example.cn'
param smtpSender = 'notify@example.cn'
param smtpPassword = readEnvironmentVariable('SAFETYCERT_SMTP_PASSWORD')

param jwtAudience = 'api://safetycert'

param tags = {
  costCenter: 'safetycert'
}
