import { test, expect } from '@playwright/test'
import { apiAs, parties, shot, signIn, signOut } from './helpers.js'

test('the sign-in page lists the demo parties and the enterprise lands on its own page, in Chinese', async ({ page, request }) => {
  await page.goto('/')
  await expect(page).toHaveURL(/\/sign-in/)
  await expect(page.getByText('开发环境：选择演示身份登录')).toBeVisible()
  for (const role of ['Enterprise', 'ReviewOrganization', 'ReviewUnit', 'Regulator', 'Administrator']) {
    await expect(page.locator(`[data-party="${role}"]`)).toBeVisible()
  }
  await shot(page, '00-sign-in')

  await page.locator('[data-party="Enterprise"]').click()
  await expect(page).toHaveURL(/\/enterprise$/)
  await expect(page.locator('[data-test="who"]')).toContainText('企业')
  await expect(page.locator('[data-test="who"]')).toContainText('宁夏示例钢铁有限公司')
  await expect(page.getByRole('heading', { name: '我的证书' })).toBeVisible()
  // Its menu holds the enterprise's pages only.
  const menu = page.locator('[data-test="menu"]')
  await expect(menu.locator('[data-menu="apply"]')).toBeVisible()
  await expect(menu.locator('[data-menu="ledger"]')).toHaveCount(0)
  await expect(menu.locator('[data-menu="queue"]')).toHaveCount(0)
  await shot(page, '01-enterprise-overview')

  await page.locator('[data-test="language"]').click()
  await expect(page.getByRole('heading', { name: 'Certificates' })).toBeVisible()
  await page.locator('[data-test="language"]').click()
  await expect(page.getByRole('heading', { name: '我的证书' })).toBeVisible()
  await signOut(page)
})

test('a role cannot reach another role\'s pages, and the API refuses it anyway', async ({ page, request }) => {
  const all = await parties(request)
  const enterprise = all.find((p) => p.role === 'Enterprise')
  await signIn(page, 'Enterprise')
  for (const path of ['/regulator/ledger', '/review/queue', '/admin/calendar', '/unit/assignments']) {
    await page.goto(path)
    await expect(page.locator('[data-test="forbidden"]')).toBeVisible()
    await expect(page.locator('[data-test="forbidden"]')).toContainText('当前身份无权访问此页面')
  }
  await shot(page, '02-forbidden')
  expect((await apiAs(request, enterprise.token, 'GET', '/ledger')).status()).toBe(403)
  // Another enterprise is refused: 403, or 404 where the API does not even confirm that it exists.
  expect([403, 404]).toContain((await apiAs(request, enterprise.token, 'GET', '/enterprises/91640104MA7N00002Q')).status())

  await signOut(page)
  await signIn(page, 'Regulator')
  await expect(page).toHaveURL(/\/regulator\/ledger/)
  for (const path of ['/enterprise', '/enterprise/apply', '/admin/calendar', '/review/queue']) {
    await page.goto(path)
    await expect(page.locator('[data-test="forbidden"]')).toBeVisible()
  }
})

test('bad input is shown next to its field, from the API\'s ProblemDetails', async ({ page }) => {
  await signIn(page, 'Enterprise')
  await page.goto('/enterprise/apply')
  // A renewal must name the certificate it renews: the API's 400 names previousCertificateId.
  await page.getByText('复评（延续）').click()
  await page.locator('[data-test="apply"]').click()
  const field = page.locator('[data-field="previousCertificateId"]')
  await expect(field.locator('.el-form-item__error')).toBeVisible()
  // In Chinese, as the console asks the API to answer.
  await expect(field.locator('.el-form-item__error')).toContainText('复评或升级申请须写明所替换的证书')
  await shot(page, '03-apply-field-error')
})
