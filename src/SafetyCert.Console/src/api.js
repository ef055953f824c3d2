import { config } from './config.js'
import { useSession } from './stores/session.js'
import { i18n } from './i18n.js'

/** An answer that was not 2xx: the API's ProblemDetails, with its field errors (`errors`) and other members. */
export class ApiProblem extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `HTTP ${status}`)
    this.status = status
    this.problem = problem || {}
  }

  /** Field name → first message, from the ProblemDetails' `errors` (keys as the API names them, e.g. `grade`). */
  get fieldErrors() {
    const result = {}
    for (const [field, messages] of Object.entries(this.problem.errors || {})) {
      const key = field.replace(/^\$\.?/, '')
      result[key.charAt(0).toLowerCase() + key.slice(1)] = Array.isArray(messages) ? messages.join(' ') : String(messages)
    }
    return result
  }
}

async function send(method, path, body, options = {}) {
  const session = useSession()
  // The API writes its problems (titles, field errors) in the language the console shows.
  const headers = { Accept: 'application/json, application/problem+json', 'Accept-Language': i18n.global.locale.value === 'en' ? 'en' : 'zh-CN' }
  const token = await session.accessToken()
  if (token) headers.Authorization = `Bearer ${token}`
  let payload
  if (body instanceof FormData) {
    payload = body
  } else if (body instanceof Blob) {
    headers['Content-Type'] = options.contentType || body.type
    payload = body
  } else if (body !== undefined) {
    headers['Content-Type'] = 'application/json'
    payload = JSON.stringify(body)
  }
  if (options.idempotencyKey) headers['Idempotency-Key'] = options.idempotencyKey
  const url = path.startsWith('/dev/') ? path : config.apiBase + path
  const response = await fetch(url, { method, headers, body: payload })
  const text = await response.text()
  let data = null
  if (text) {
    try { data = JSON.parse(text) } catch { data = text }
  }
  if (!response.ok) {
    if (response.status === 401) session.expired()
    // An answer without a ProblemDetails body still names its status, so a missing endpoint shows as what it is.
    throw new ApiProblem(response.status, data && typeof data === 'object' ? data : { status: response.status, title: text || `HTTP ${response.status} ${response.statusText}`.trim() })
  }
  return data
}

export const api = {
  get: (path) => send('GET', path),
  post: (path, body = {}, options) => send('POST', path, body, options),
  put: (path, body = {}, options) => send('PUT', path, body, options),
  delete: (path) => send('DELETE', path),
  /** Posts a file as the body, with its media type (the register import takes .csv and .xlsx this way). */
  upload: (path, file, contentType) => send('POST', path, file, { contentType }),
}

/** Query string from an object, leaving out empty values. */
export function query(params) {
  const entries = Object.entries(params).filter(([, v]) => v !== undefined && v !== null && v !== '')
  return entries.length ? '?' + new URLSearchParams(entries).toString() : ''
}
