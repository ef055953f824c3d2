// Production: zone-redundant storage, documents write-once for ten years, a warm HTTP instance.
// Secrets come from the deploying shell's environment and never live in the repository.
using 'main.bicep'

param environmentName = 'prod'
param storageSku = 'Standard_ZRS'
param documentImmutabilityDays = 3650
param softDeleteDays = 90
param logRetentionDays = 365
param storagePrefix = 'prod'
param maximumInstanceCount = 100
param instanceMemoryMB = 2048
param httpPerInstanceConcurrency = 16
param alwaysReadyHttpInstances = 1

param smtpHost = 'smtp.example.cn'
param smtpPort = 587
param smtpUserName = 'notify@example.cn'
param smtpSender = 'SafetyCert <notify@example.cn>'
param smtpPassword = readEnvironmentVariable('SAFETYCERT_SMTP_PASSWORD')
param weComRobotKey = readEnvironmentVariable('SAFETYCERT_WECOM_ROBOT_KEY')
param dingTalkRobotAccessToken = readEnvironmentVariable('SAFETYCERT_DINGTALK_ROBOT_ACCESS_TOKEN')
param dingTalkRobotSecret = readEnvironmentVariable('SAFETYCERT_DINGTALK_ROBOT_SECRET')

param jwtAudience = 'api://safetycert'

param tags = {
  costCenter: 'safetycert'
}
