// The runtime configuration, read from /config.json at start so one build serves every environment:
// { "auth": "development" } locally (tokens from GET /dev/parties), or in Azure
// { "auth": "entra", "clientId": "…", "authority": "https://login.microsoftonline.com/<tenant>", "apiScope": "api://…/user_impersonation", "apiBase": "/api" }.
export const config = { auth: 'development', apiBase: '/api' }

export async function loadConfig() {
  try {
    const response = await fetch('/config.json', { cache: 'no-cache' })
    if (response.ok) Object.assign(config, await response.json())
  } catch {
    // No config file: development defaults.
  }
}
