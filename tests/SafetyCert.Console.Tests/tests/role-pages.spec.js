import { test, expect } from '@playwright/test'
import { apiAs, field, parties, shot, signIn, signOut } from './helpers.js'

test('the regulator records accidents against a certificate, sees the grounds that apply and reaches the revocation', async ({ page, request }) => {
  const tokens = Object.fromEntries((await parties(request)).map((p) => [p.role, p.token]))
  const number = async (id) => (await (await apiAs(request, tokens.Administrator, 'GET', `/certificates/${id}`)).json()).number
  const steel = await number('demo-cert-nx-steel')

  // A regulator of Ningxia looks up a certificate of its region; an accident without a date is refused next to the field.
  await signIn(page, 'Regulator')
  await page.locator('[data-menu="accidents"]').click()
  await expect(page.getByRole('heading', { level: 2 })).toContainText('生产安全事故')
  await expect(page.locator('[data-test="accident-thresholds"]')).toContainText('死亡事故')
  await field(page, 'accident-number').fill(steel)
  await field(page, 'accident-number').press('Enter')
  await expect(page.locator('[data-test="accident-certificate"]')).toContainText(steel)
  await expect(page.locator('[data-test="accidents"]')).toContainText('尚无事故记录')
  await page.locator('[data-test="accident-save"]').click()
  await expect(page.locator('[data-test="accident-form"] .el-form-item__error').first()).toBeVisible()
  await expect(page.locator('[data-test="accidents"]')).toContainText('尚无事故记录')
  await expect(page.locator('[data-test="accident-revoke-link"]')).toHaveAttribute('href', '/certificates/demo-cert-nx-steel')
  await shot(page, '90-regulator-accidents-refused')

  // A number that is not on file is named next to the number.
  await field(page, 'accident-number').fill('宁AQBⅢ2099999999')
  await field(page, 'accident-number').press('Enter')
  await expect(page.locator('[data-test="accident-form"] .el-form-item__error').first()).toBeVisible()
  await signOut(page)

  // The Mianyang mine's fatal accident (three deaths, its threshold) started a revocation: the list links to it.
  const mine = await number('demo-cert-my-mine')
  await signIn(page, 'Administrator')
  await page.goto(`/regulator/accidents?number=${encodeURIComponent(mine)}`)
  const rows = page.locator('[data-test="accidents"] .el-table__body tr')
  await expect(rows).toHaveCount(1)
  await expect(rows.first()).toContainText('3')
  await expect(page.locator('[data-test="accident-revocation"]')).toHaveAttribute('href', '/workflows/revocation/demo-cert-my-mine')

  // An accident without deaths reported on time is recorded and listed; it starts no revocation.
  const build = await number('demo-cert-bj-build')
  await field(page, 'accident-number').fill(build)
  await field(page, 'accident-number').press('Enter')
  await expect(page.locator('[data-test="accident-certificate"]')).toContainText(build)
  const today = (await (await request.get('/dev/clock')).json()).now.slice(0, 10)
  await field(page, 'accident-on').fill(today)
  await field(page, 'accident-on').press('Enter')
  await page.locator('[data-test="accident-save"]').click()
  await expect(page.locator('[data-test="accidents"] .el-table__body tr')).toHaveCount(1)
  await expect(page.locator('[data-test="accidents"]')).toContainText(today)
  await expect(page.locator('[data-test="accident-revocation"]')).toHaveCount(0)
  await shot(page, '91-administrator-accidents-listed')
  await page.goto('/workflows/certificate/demo-cert-bj-build')
  await expect(page.locator('[data-test="history"]')).toContainText('报告事故')
})

// Codes such as `AccidentReported`, `material-review` or `Applied` are for machines: in Chinese mode no table cell and no
// history entry shows one. Cells under an identifier's own column (its heading says ID or 编号) are identifiers by design.
const codeLike = /^[A-Za-z]+(?:[-_.][A-Za-z]+)*$/
const visitsByRole = {
  Enterprise: ['/enterprise', '/enterprise/applications', '/enterprise/deliveries', '/enterprise/contacts', '/workflows/certificate/demo-cert-nx-steel', '/certificates/demo-cert-nx-steel'],
  ReviewOrganization: ['/review/queue', '/applications/demo-app-fz-textile', '/workflows/application/demo-app-fz-textile'],
  ReviewUnit: ['/unit/assignments'],
  Regulator: ['/regulator/ledger', '/regulator/enterprises', '/regulator/certificates', '/regulator/spot-checks', '/admin/review-bodies', '/enterprises/91640104MA7N000001'],
  Administrator: ['/admin/calendar', '/admin/review-bodies', '/workflows/certificate/demo-cert-my-mine', '/workflows/revocation/demo-cert-my-mine', '/regulator/accidents'],
}

async function codesShown(page) {
  return page.evaluate((pattern) => {
    const code = new RegExp(pattern)
    const found = []
    for (const table of document.querySelectorAll('.el-table')) {
      const headers = [...table.querySelectorAll('.el-table__header th')].map((th) => th.innerText.trim())
      for (const row of table.querySelectorAll('.el-table__body tr')) {
        ;[...row.children].forEach((cell, i) => {
          const heading = headers[i] || ''
          if (/ID|编号|代码/.test(heading)) return
          for (const part of cell.innerText.split(/[\n、，,·→：:]+/).map((p) => p.trim()).filter(Boolean)) {
            if (code.test(part)) found.push(`${heading}: ${part}`)
          }
        })
      }
    }
    for (const entry of document.querySelectorAll('[data-test="history"] .el-timeline-item__content')) {
      for (const part of entry.innerText.split(/[\n、，,·→：:]+/).map((p) => p.trim()).filter(Boolean)) {
        if (code.test(part)) found.push(`history: ${part}`)
      }
    }
    return found
  }, codeLike.source)
}

test('no page shows internal codes in its tables or history in Chinese', async ({ page }) => {
  for (const [role, paths] of Object.entries(visitsByRole)) {
    await signIn(page, role)
    for (const path of paths) {
      await page.goto(path)
      await expect(page.getByRole('heading', { level: 2 }).first()).toBeVisible()
      await page.waitForLoadState('networkidle')
      expect(await codesShown(page), `${role} ${path}`).toEqual([])
    }
    await signOut(page)
  }
  await signIn(page, 'Administrator')
  await page.goto('/workflows/certificate/demo-cert-my-mine')
  await expect(page.locator('[data-test="history"]')).toContainText('报告事故')
  await shot(page, '92-history-in-words')
})
