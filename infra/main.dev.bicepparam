// Development: smallest footprint, short retention, unlocked immutability that lapses after a day.
// The SMTP password comes from the deploying shell's environment and never lives in the repository.
using 'main.bicep'

param environmentName = 'dev'
param storageSku = 'Standard_LRS'
param documentImmutabilityDays = 1
param softDeleteDays = 7
param logRetentionDays = 30
param storagePrefix = 'dev'
// Renaming the task hub orphans every running workflow in the old one; keep it for the life of the environment.
param taskHubName = 'safetycertdev'
param maximumInstanceCount = 40
param instanceMemoryMB = 2048
param httpPerInstanceConcurrency = 16
param alwaysReadyHttpInstances = 0

param smtpHost = 'smtp.example.cn'
param smtpPort = 587
param smtpUserName = 'notify-dev@example.cn'
param smtpSender = 'notify-dev@example.cn'
param smtpPassword = readEnvironmentVariable('SAFETYCERT_SMTP_PASSWORD')

param jwtAudience = 'api://safetycert-dev'

param tags = {
  costCenter: 'safetycert-dev'
}
