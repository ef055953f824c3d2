import { defineStore } from 'pinia'
import { config } from '../config.js'

const storageKey = 'safetycert.session'

/**
 * Who is signed in: the bearer token and what `GET /api/me` says about it (role, scope, display name).
 * Locally the token comes from the development sign-in page; in Azure from Entra ID through MSAL.
 */
export const useSession = defineStore('session', {
  state: () => {
    const saved = JSON.parse(sessionStorage.getItem(storageKey) || 'null')
    return { token: saved?.token || null, me: saved?.me || null, msal: null }
  },
  getters: {
    signedIn: (state) => !!state.me,
    role: (state) => state.me?.role || null,
  },
  actions: {
    save() {
      sessionStorage.setItem(storageKey, JSON.stringify({ token: this.token, me: this.me }))
    },
    async accessToken() {
      if (config.auth !== 'entra') return this.token
      const msal = await this.msalClient()
      const account = msal.getActiveAccount() || msal.getAllAccounts()[0]
      if (!account) return null
      const result = await msal.acquireTokenSilent({ account, scopes: [config.apiScope] })
      return result.accessToken
    },
    async msalClient() {
      if (!this.msal) {
        const { PublicClientApplication } = await import('@azure/msal-browser')
        const client = new PublicClientApplication({
          auth: { clientId: config.clientId, authority: config.authority, redirectUri: window.location.origin },
          cache: { cacheLocation: 'sessionStorage' },
        })
        await client.initialize()
        const redirect = await client.handleRedirectPromise()
        if (redirect?.account) client.setActiveAccount(redirect.account)
        this.msal = client
      }
      return this.msal
    },
    /** Signs in with a development token (local) and reads who it is from `GET /api/me`; its refusal is the sign-in page's error. */
    async signInWithToken(token) {
      this.token = token
      await this.loadMe()
    },
    async signInWithEntra() {
      const msal = await this.msalClient()
      await msal.loginRedirect({ scopes: [config.apiScope] })
    },
    async loadMe() {
      const { api } = await import('../api.js')
      try {
        this.me = await api.get('/me')
      } catch (e) {
        this.token = null
        this.me = null
        this.save()
        throw e
      }
      this.save()
    },
    expired() {
      this.token = null
      this.me = null
      sessionStorage.removeItem(storageKey)
    },
    async signOut() {
      this.expired()
      if (config.auth === 'entra' && this.msal) await this.msal.logoutRedirect()
    },
  },
})
