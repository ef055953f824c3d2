import { test, expect } from '@playwright/test'
import { resolve } from 'node:path'
import { apiAs, parties, shot, signIn } from './helpers.js'

const example = resolve(import.meta.dirname, '../../../samples/register-example.csv')

// The example's statuses hold from 2026-06-01 to 2027-03-14. Spec files run one at a time in name order, so this one
// runs on the development clock's first day, before lifecycle.spec.js moves the clock years ahead.
test('a regulator dry-runs the example register, confirms it and sees the import complete', async ({ page, request }) => {
  const errors = []
  page.on('pageerror', (e) => errors.push(e.message))
  await signIn(page, 'Regulator')
  await page.locator('[data-menu="registerImport"]').click()
  await expect(page.getByRole('heading', { level: 2 }).first()).toContainText('台账导入')

  await page.locator('[data-test="import-file"]').setInputFiles(example)
  await page.locator('[data-test="import-dry-run"]').click()
  const report = page.locator('[data-test="import-report"]')
  await expect(report).toContainText('试运行结果')
  await expect(report.locator('[data-count="enterprisesCreated"]')).toHaveText('2')
  await expect(report.locator('[data-count="certificatesCreated"]')).toHaveText('2')
  await expect(page.locator('[data-test="import-problems"]')).toHaveCount(0)
  await expect(page.locator('[data-test="import-confirm"]')).toBeEnabled()
  await shot(page, 'register-import-dry-run')

  await page.locator('[data-test="import-confirm"]').click()
  await expect(page.locator('[data-test="import-state"]')).toContainText('已完成')
  await expect(page.locator('[data-test="import-state"]')).toContainText('已处理 2 / 2 行')
  await expect(report).toContainText('导入结果')
  await shot(page, 'register-import-done')

  // Written for real: the certificate answers by its number.
  const token = (await parties(request)).find((p) => p.role === 'Regulator').token
  const certificate = await apiAs(request, token, 'GET', `/certificates/by-number/${encodeURIComponent('宁AQBⅡ2024000001')}`)
  expect(certificate.ok(), await certificate.text()).toBeTruthy()

  // A file with a bad row shows its row, column and reason, and cannot be confirmed.
  await page.locator('[data-test="import-file"]').setInputFiles({
    name: 'bad.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from('统一社会信用代码,企业名称,证书编号,等级,行业,行政区划代码,发证机关,发证日期,有效期至,状态\n91640100MA7600001K,宁夏安泰化工有限公司,宁AQBⅡ2024000001,二级,危险化学品,640100,宁夏回族自治区应急管理厅,2024-03-15,2027-03-14,有效\n'),
  })
  await page.locator('[data-test="import-dry-run"]').click()
  const problems = page.locator('[data-test="import-problems"]')
  await expect(problems).toContainText('统一社会信用代码')
  await expect(problems).toContainText('校验码')
  await expect(problems).not.toContainText('check character')
  await expect(page.locator('[data-test="import-confirm"]')).toBeDisabled()
  await shot(page, 'register-import-problems')
  expect(errors).toEqual([])
})
