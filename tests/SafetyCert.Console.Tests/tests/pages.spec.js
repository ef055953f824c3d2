import { test, expect } from '@playwright/test'
import { shot, signIn, signOut } from './helpers.js'

// Every page of every role renders at 1366×768 with its Chinese labels; the screenshots are kept as test artifacts.
const pages = {
  Enterprise: [
    ['/enterprise', '我的证书'], ['/enterprise/apply', '申请条件自查'], ['/enterprise/applications', '办理过程'], ['/enterprise/self-assessment', '年度自评'],
    ['/enterprise/documents', '材料'], ['/enterprise/deliveries', '通知记录'], ['/enterprise/contacts', '联系人与渠道'],
    ['/certificates/demo-cert-nx-steel', '证书'], ['/workflows/certificate/demo-cert-nx-steel', '流程'],
  ],
  ReviewOrganization: [['/review/queue', '评审队列'], ['/applications/demo-app-fz-textile', '申请编号']],
  ReviewUnit: [['/unit/assignments', '评审任务']],
  Regulator: [
    ['/regulator/ledger', '安全生产标准化台账'], ['/regulator/enterprises', '企业查询'], ['/regulator/certificates', '证书查询'],
    ['/regulator/spot-checks', '年度抽查'], ['/admin/review-bodies', '评审机构名录'], ['/enterprises/91640104MA7N00001M', '宁夏示例钢铁有限公司'],
    ['/certificates/demo-cert-my-mine', '证书'],
  ],
  Administrator: [['/admin/calendar', '节假日安排'], ['/admin/review-bodies', '评审机构名录'], ['/regulator/ledger', '安全生产标准化台账']],
}

for (const [role, list] of Object.entries(pages)) {
  test(`every ${role} page renders in Chinese`, async ({ page }) => {
    const errors = []
    page.on('pageerror', (e) => errors.push(e.message))
    await signIn(page, role)
    for (const [path, heading] of list) {
      await page.goto(path)
      await expect(page.getByRole('heading', { level: 2 }).first()).toContainText(heading)
      await shot(page, `page-${role}-${path.replace(/^\//, '').replace(/[/:]/g, '_')}`)
    }
    expect(errors).toEqual([])
  })
}

test('the ledger draws its charts from a lazily loaded ECharts chunk and drills down to lists', async ({ page }) => {
  const scripts = []
  page.on('request', (r) => r.resourceType() === 'script' && scripts.push(r.url()))
  await signIn(page, 'Regulator')
  // The regulator lands on the ledger: let that page finish loading, then count only what a fresh
  // load of another page fetches.
  await page.waitForLoadState('networkidle')
  await expect(page.locator('[data-test="chart-grade"] canvas')).toBeVisible()
  scripts.length = 0
  await page.goto('/regulator/enterprises')
  await page.waitForLoadState('networkidle')
  expect(scripts.some((u) => u.includes('vendor-echarts'))).toBe(false)
  await page.goto('/regulator/ledger')
  await expect(page.locator('[data-test="chart-grade"] canvas')).toBeVisible()
  await expect(page.locator('[data-test="chart-industry"] canvas')).toBeVisible()
  expect(scripts.some((u) => u.includes('vendor-echarts'))).toBe(true)
  await page.locator('[data-card="expiring90"]').click()
  await expect(page.locator('[data-test="drill"]')).toBeVisible()
  await shot(page, '70-regulator-ledger-drill')
})

test('on a phone the console is still readable', async ({ browser }) => {
  const phone = await browser.newPage({ viewport: { width: 390, height: 844 } })
  await signIn(phone, 'Enterprise')
  await expect(phone.getByRole('heading', { name: '我的证书' })).toBeVisible()
  await shot(phone, '80-phone-enterprise')
  await phone.close()
})

// Every date field lies whole inside its form (nothing cut off by the card or the screen) on a 390×844 phone.
test('on a phone the date fields are not clipped', async ({ browser }) => {
  const phone = await browser.newPage({ viewport: { width: 390, height: 844 } })
  for (const [role, path, tab] of [
    ['Enterprise', '/enterprise/apply', null], ['Regulator', '/regulator/accidents', null], ['Regulator', '/regulator/certificates', null],
    ['Administrator', '/admin/review-bodies', null], ['Administrator', '/admin/calendar', null], ['ReviewOrganization', '/applications/demo-app-fz-textile', null],
  ]) {
    await signIn(phone, role)
    await phone.goto(path)
    await expect(phone.getByRole('heading', { level: 2 }).first()).toBeVisible()
    await phone.waitForLoadState('networkidle')
    const clipped = await phone.evaluate(() => [...document.querySelectorAll('.el-date-editor')]
      .filter((e) => e.offsetParent !== null)
      .map((e) => {
        const box = e.getBoundingClientRect()
        // The nearest box that clips its content: a card body, a form item's content, or the screen.
        const holder = e.closest('.el-card__body, .el-form-item__content') || document.documentElement
        const limit = Math.min(holder.getBoundingClientRect().right, window.innerWidth)
        return { right: Math.round(box.right), limit: Math.round(limit), left: Math.round(box.left) }
      })
      .filter((b) => b.right > b.limit + 0.5 || b.left < 0))
    expect(clipped, `${role} ${path}`).toEqual([])
    await shot(phone, `81-phone-dates-${path.replace(/^\//, '').replace(/[/:]/g, '_')}`)
    await signOut(phone)
  }
  await phone.close()
})
