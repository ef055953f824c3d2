import { test, expect } from '@playwright/test'
import { apiAs, field, parties, shot, signIn, signOut } from './helpers.js'

// The pages of each party beyond the lifecycle: accidents, the registries and holiday arrangements, words instead of
// codes, and the fit on a phone. They run before the lifecycle test moves the clock, while the demo certificates are in force.

test('the regulator records accidents against a certificate, sees the grounds that apply and reaches the revocation', async ({ page, request }) => {
  const tokens = Object.fromEntries((await parties(request)).map((p) => [p.role, p.token]))
  // The dev host seeds its demo certificates just after it answers its health check: wait for each to be on file.
  const number = async (id) => {
    let found
    await expect.poll(async () => (found = (await (await apiAs(request, tokens.Administrator, 'GET', `/certificates/${id}`)).json()).number)).toBeTruthy()
    return found
  }
  const steel = await number('demo-cert-nx-steel')

  // A regulator of Ningxia looks up a certificate of its region; an accident without a date is refused next to the field.
  await signIn(page, 'Regulator')
  await page.locator('[data-menu="accidents"]').click()
  await expect(page.getByRole('heading', { level: 2 })).toContainText('生产安全事故')
  await expect(page.locator('[data-test="accident-thresholds"]')).toContainText('死亡事故')
  // Before a certificate is chosen, every profile's thresholds are listed.
  await expect(page.locator('[data-test="threshold"]')).toHaveCount(5)
  await field(page, 'accident-number').fill(steel)
  await field(page, 'accident-number').press('Enter')
  await expect(page.locator('[data-test="accident-certificate"]')).toContainText(steel)
  // The thresholds shown are the certificate's own profile's, as the API serves them from the profile (Ningxia: any death).
  await expect(page.locator('[data-test="threshold"]')).toHaveCount(1)
  await expect(page.locator('[data-test="threshold"]')).toContainText('宁夏回族自治区企业安全生产标准化评审工作管理办法')
  await expect(page.locator('[data-test="threshold"]')).toContainText('三级 1 人')
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

  // The administrator's list of accidents holds the mine's; opening it shows that certificate.
  const mineListed = page.locator('[data-test="accident-list"] .el-table__body tr', { hasText: '绵阳' })
  await expect(mineListed.first()).toContainText('3')
  await page.goto('/regulator/accidents')
  await mineListed.first().locator('[data-test="accident-open"]').click()
  await expect(page.locator('[data-test="accident-certificate"]')).toContainText(mine)

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
  await expect(page.locator('[data-test="accident-list"] .el-table__body tr').first()).toContainText(today)
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
  Regulator: ['/regulator/ledger', '/regulator/enterprises', '/regulator/certificates', '/regulator/spot-checks', '/admin/review-bodies', '/enterprises/91640104MA7N00001M'],
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

test('the administrator keeps the registries of review bodies and their contacts, and the holiday arrangements', async ({ page }) => {
  const stamp = Date.now().toString(36)
  await signIn(page, 'Administrator')
  await page.goto('/admin/review-bodies')
  // The administrator sees every organization in the list, and opens one with its units.
  for (const id of ['bj-review-center', 'fj-review-center', 'nx-review-center', 'sc-review-center']) {
    await expect(page.locator(`[data-organization="${id}"]`)).toBeVisible()
  }
  await page.locator('[data-organization="nx-review-center"]').click()
  await expect(page.locator('[data-test="organization"]')).toContainText('nx-review-center')

  // An organization in an unknown region is refused next to the region; a known one is registered and opened.
  await page.getByRole('tab', { name: '登记评审组织单位' }).click()
  await field(page, 'org-id').fill(`yc-center-${stamp}`)
  await field(page, 'org-name').fill('银川市安全生产标准化评审中心')
  await field(page, 'org-region').fill('999999')
  await page.locator('[data-level="Municipal"]').click()
  await page.locator('[data-test="org-save"]').click()
  await expect(page.locator('[data-test="organization-form"] .el-form-item__error')).toContainText('999999')
  await field(page, 'org-region').fill('640100')
  await page.locator('[data-test="org-save"]').click()
  await expect(page.locator('[data-test="organization"]')).toContainText(`yc-center-${stamp}`)
  await expect(page.locator('[data-test="organization"]')).toContainText('市级')

  // It registers a unit there, then edits it from the list.
  await page.getByRole('tab', { name: '登记或修改评审单位' }).click()
  await field(page, 'unit-id').fill(`yc-unit-${stamp}`)
  await field(page, 'unit-name').fill('银川示例评审有限公司')
  await page.locator('[data-test="unit-form"]').getByText('二级', { exact: true }).click()
  await field(page, 'unit-industries').fill('metallurgy')
  await field(page, 'unit-accredited').fill('2030-12-31')
  await field(page, 'unit-accredited').press('Enter')
  await page.locator('[data-test="unit-save"]').click()
  const row = page.locator('[data-test="units"] .el-table__body tr', { hasText: `yc-unit-${stamp}` })
  await expect(row).toContainText('冶金')
  await row.locator('[data-test="unit-edit"]').click()
  await expect(field(page, 'unit-name')).toHaveValue('银川示例评审有限公司')
  await field(page, 'unit-name').fill('银川示例安全评审有限公司')
  await page.locator('[data-test="unit-save"]').click()
  await expect(row).toContainText('银川示例安全评审有限公司')

  // The unit's contacts: a bad address is named next to its field, a good one is listed.
  await row.locator('[data-test="unit-contacts"]').click()
  const dialog = page.locator('[data-test="unit-contacts-dialog"]')
  await field(dialog, 'contact-addresses').fill('not-an-address')
  await dialog.locator('[data-test="contact-save"]').click()
  await expect(dialog.locator('.el-form-item__error')).toBeVisible()
  await field(dialog, 'contact-addresses').fill('review@yc-unit.example.cn')
  await dialog.locator('[data-test="contact-save"]').click()
  await expect(dialog.locator('[data-test="contacts"]')).toContainText('review@yc-unit.example.cn')
  await expect(dialog.locator('[data-test="contacts"]')).toContainText('电子邮件')
  await shot(page, '93-administrator-unit-contacts')
  await dialog.getByRole('button', { name: /close|关闭/i }).click()

  // The organization's own contacts.
  await page.getByRole('tab', { name: '评审组织单位联系人' }).click()
  const own = page.locator('[data-test="organization-contacts"]')
  await field(own, 'contact-addresses').fill('office@yc-center.example.cn')
  await own.locator('[data-test="contact-save"]').click()
  await expect(own.locator('[data-test="contacts"]')).toContainText('office@yc-center.example.cn')
  await shot(page, '94-administrator-review-bodies')

  // Holiday arrangements: a year not published shows the warning; a row without a date is refused under that row;
  // a saved arrangement is stored until the host loads it.
  await page.goto('/admin/calendar')
  await expect(page.locator('[data-test="calendar-missing"]')).toBeVisible()
  await field(page, 'calendar-year').fill('2030')
  await field(page, 'calendar-year').blur()
  await expect(page.locator('[data-test="calendar-missing"]')).toContainText('2030')
  await shot(page, '95-administrator-calendar-missing')
  await page.locator('[data-test="calendar-save"]').click()
  await expect(page.locator('[data-test="calendar-rows"] .overdue')).toBeVisible()
  await page.locator('[data-test="calendar-rows"] .el-date-editor input').first().fill('2030-01-01')
  await page.locator('[data-test="calendar-rows"] .el-date-editor input').first().press('Enter')
  await page.locator('[data-test="calendar-save"]').click()
  await expect(page.locator('[data-test="calendar-stored"]')).toContainText('2030')
  await field(page, 'calendar-year').fill('2025')
  await field(page, 'calendar-year').blur()
  await expect(page.locator('[data-test="calendar-loaded"]')).toContainText('2025')
})

test('the new pages fit a phone and a 1366×768 laptop without sideways scrolling', async ({ browser }) => {
  for (const [name, viewport] of [['phone', { width: 390, height: 844 }], ['laptop', { width: 1366, height: 768 }]]) {
    const page = await browser.newPage({ viewport })
    for (const [role, path] of [['Regulator', '/regulator/accidents'], ['Administrator', '/admin/review-bodies'], ['Administrator', '/admin/calendar'], ['ReviewOrganization', '/applications/demo-app-fz-textile']]) {
      await signIn(page, role)
      await page.goto(path)
      await expect(page.getByRole('heading', { level: 2 }).first()).toBeVisible()
      await page.waitForLoadState('networkidle')
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
      expect(overflow, `${name} ${path}`).toBeLessThanOrEqual(0)
      await shot(page, `96-${name}-${path.replace(/^\//, '').replace(/[/:]/g, '_')}`)
      await signOut(page)
    }
    await page.close()
  }
})
