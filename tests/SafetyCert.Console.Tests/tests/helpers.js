import { expect } from '@playwright/test'
import { mkdirSync } from 'node:fs'
import { join, resolve } from 'node:path'

const screens = resolve(import.meta.dirname, '../../../test-artifacts/console/screens')
mkdirSync(screens, { recursive: true })

/** Saves a full-page screenshot of what the page shows now under test-artifacts/console/screens. */
export async function shot(page, name) {
  await page.waitForLoadState('networkidle')
  await page.screenshot({ path: join(screens, `${name}.png`), fullPage: true })
}

/** The demo parties and their tokens, as the sign-in page gets them. */
export async function parties(request) {
  const response = await request.get('/dev/parties')
  expect(response.ok()).toBeTruthy()
  return response.json()
}

/** Signs in on the development sign-in page as the demo party of a role. */
export async function signIn(page, role) {
  await page.goto('/sign-in')
  await page.locator(`[data-party="${role}"]`).click()
  await expect(page.locator('[data-test="who"]')).toBeVisible()
}

export async function signOut(page) {
  await page.locator('[data-test="sign-out"]').click()
  await expect(page).toHaveURL(/\/sign-in/)
}

/** Moves the development clock forward (never back) and fires every timer it passes. */
export async function advanceClock(request, period) {
  // A jump of years fires every timer it passes before answering: give it time on a busy machine.
  const response = await request.post('/dev/clock', { data: { advance: period }, timeout: 300_000 })
  expect(response.ok(), await response.text()).toBeTruthy()
  return response.json()
}

/** Calls the API as a demo party, as any client would. */
export async function apiAs(request, token, method, path, data) {
  return request.fetch(`/api${path}`, { method, data, headers: { Authorization: `Bearer ${token}` } })
}

/** The text box of a form field: Element Plus puts the data-test attribute on the <input> itself or on its wrapper. */
export function field(page, name) {
  const n = `[data-test="${name}"]`
  return page.locator(`input${n}, textarea${n}, ${n} input, ${n} textarea`).first()
}
