import { test, expect } from '@playwright/test'
import { advanceClock, apiAs, field, parties, shot, signIn, signOut } from './helpers.js'

const enterpriseId = '91640104MA7N00001M'
const pdf = (text) => ({ name: `${text}.pdf`, mimeType: 'application/pdf', buffer: Buffer.from(`%PDF-1.7\n% ${text}\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n`) })

async function openApplication(page, id) {
  await page.goto(`/applications/${id}`)
  await expect(page.locator('[data-test="application"]')).toBeVisible()
}

async function expectStage(page, stage) {
  await expect(page.locator('[data-test="application"] [data-test="stage"]')).toHaveText(stage)
}

// One application from eligibility to certificate, then a renewal reminder and a revocation — every step in the
// console as the party that owns it, against the real host on Azurite with its development clock.
test('an enterprise applies, the review bodies and the regulator take it to a certificate, the clock brings the renewal reminder, a regulator revokes', async ({ page, request }) => {
  test.setTimeout(600_000)
  const tokens = Object.fromEntries((await parties(request)).map((p) => [p.role, p.token]))
  const today = (await (await request.get('/dev/clock')).json()).now.slice(0, 10)
  const year = Number(today.slice(0, 4))

  // The administrator registers the review unit the organization will draw.
  await signIn(page, 'Administrator')
  await page.goto('/admin/review-bodies')
  await page.locator('[data-organization="nx-review-center"]').click()
  await expect(page.locator('[data-test="organization"]')).toContainText('nx-review-center')
  await field(page, 'unit-id').fill('demo-review-unit')
  await field(page, 'unit-name').fill('宁夏示例安全评审有限公司')
  await page.locator('[data-test="unit-form"]').getByText('二级', { exact: true }).click()
  await field(page, 'unit-industries').fill('metallurgy, chemicals')
  await field(page, 'unit-accredited').fill(`${year + 2}-12-31`)
  await field(page, 'unit-accredited').press('Enter')
  await page.locator('[data-test="unit-save"]').click()
  await expect(page.locator('[data-test="units"]')).toContainText('demo-review-unit')
  await shot(page, '10-admin-review-bodies')
  await signOut(page)

  // The enterprise uploads its self-assessment report and submits the year's self-assessment.
  await signIn(page, 'Enterprise')
  await page.goto('/enterprise/documents')
  await page.locator('[data-test="document-file"]').setInputFiles(pdf('self-assessment'))
  await page.locator('[data-test="upload"]').click()
  await expect(page.locator('[data-test="documents"]')).toContainText('self-assessment.pdf')
  await shot(page, '11-enterprise-documents')
  await page.goto('/enterprise/self-assessment')
  await field(page, 'sa-year').fill(String(year))
  await page.locator('[data-test="sa-open"]').click()
  await expect(page.locator('.el-message--success')).toBeVisible()
  await page.locator('[data-test="sa-submit"]').click()
  await expect(page.locator('.el-message--success').last()).toContainText('Submitted')
  await shot(page, '12-enterprise-self-assessment')

  // The eligibility check lists every failed condition with its reason and source…
  await page.goto('/enterprise/apply')
  await page.getByText('复评（延续）').click()
  await field(page, 'previous').fill('demo-cert-nx-steel')
  await page.locator('[data-test="grade"]').click()
  await page.getByRole('option', { name: '二级' }).click()
  await field(page, 'running-since').fill(today)
  await field(page, 'running-since').press('Enter')
  await page.locator('[data-test="dual"]').click()
  await page.locator('[data-test="check"]').click()
  const failures = page.locator('[data-test="failures"]')
  await expect(failures).toBeVisible()
  expect(await failures.locator('[data-test="failure-reason"]').count()).toBeGreaterThanOrEqual(2)
  await expect(failures).toContainText('双重预防')
  await shot(page, '13-enterprise-eligibility-failures')

  // …and once the declarations hold, it is eligible and applies.
  await field(page, 'running-since').fill('2020-01-01')
  await field(page, 'running-since').press('Enter')
  await page.locator('[data-test="dual"]').click()
  await page.locator('[data-test="check"]').click()
  await expect(page.locator('[data-test="eligible"]')).toBeVisible()
  await page.locator('[data-test="apply"]').click()
  await expect(page.locator('[data-test="applied"]')).toBeVisible()
  const applicationId = (await page.locator('[data-test="applied"]').innerText()).match(/：\s*(\S+)/)[1]
  await shot(page, '14-enterprise-applied')
  await page.goto('/enterprise/applications')
  await expect(page.locator('[data-test="applications"]')).toContainText(applicationId)
  await shot(page, '15-enterprise-applications')
  await signOut(page)

  // The review organization finds it in its queue, accepts it and draws a unit.
  await signIn(page, 'ReviewOrganization')
  await expect(page).toHaveURL(/\/review\/queue/)
  await expect(page.locator('[data-test="queue"]')).toContainText(applicationId)
  await expect(page.locator('[data-test="queue"]')).toContainText('宁夏示例钢铁有限公司')
  await shot(page, '20-organization-queue')
  await page.locator('[data-test="queue-item"]', { hasText: applicationId }).click()
  await expectStage(page, '材料审查')
  await shot(page, '21-organization-application')
  await page.locator('[data-test="accept"]').click()
  await expectStage(page, '待抽取评审单位')
  await page.locator('[data-test="draw"]').click()
  await expect(page.locator('[data-test="draw-result"]')).toBeVisible()
  await expect(page.locator('[data-test="seed"]')).not.toBeEmpty()
  await expect(page.locator('[data-test="chosen"]')).toHaveText('demo-review-unit')
  await expect(page.locator('[data-test="candidates"]')).toContainText('demo-review-unit')
  await expectStage(page, '现场评审')
  await shot(page, '22-organization-draw')
  await signOut(page)

  // The unit sees its assignment and reports.
  await signIn(page, 'ReviewUnit')
  await expect(page.locator('[data-test="queue"]')).toContainText(applicationId)
  await shot(page, '30-unit-assignments')
  await page.locator('[data-test="queue-item"]', { hasText: applicationId }).click()
  // It opens a remediation period, which stops the review clock, and closes it again.
  await expect(page.locator('[data-test="remediation-idle"]')).toBeVisible()
  await expect(page.locator('[data-test="remediation-left"]')).toContainText(/\d/)
  await page.locator('[data-test="remediation-start"]').click()
  await expectStage(page, '整改中')
  await expect(page.locator('[data-test="remediation-running"]')).toContainText(today)
  await shot(page, '31-unit-remediation-open')
  await page.locator('[data-test="remediation-end"]').click()
  await expectStage(page, '现场评审')
  await expect(page.locator('[data-test="remediation-idle"]')).toBeVisible()
  await field(page, 'findings').fill('符合二级标准化要求。')
  await page.locator('[data-test="report"]').click()
  await expectStage(page, '报告审核')
  await signOut(page)

  // The organization audits the report and forwards it.
  await signIn(page, 'ReviewOrganization')
  await openApplication(page, applicationId)
  await page.locator('[data-test="forward"]').click()
  await expectStage(page, '待公示')
  await signOut(page)

  // The regulator opens the public notice; five working days on, it announces.
  await signIn(page, 'Regulator')
  await openApplication(page, applicationId)
  await page.locator('[data-test="notice"]').click()
  await expectStage(page, '公示中')
  await shot(page, '40-regulator-public-notice')
  // An objection stops the notice clock until the regulator resolves it.
  await expect(page.locator('[data-test="notice-closes"]')).toBeVisible()
  await page.locator('[data-test="objection-raise"]').click()
  await expect(page.locator('[data-test="objection-form"] .el-form-item__error')).toBeVisible()
  await field(page, 'objection-summary').fill('举报该企业评审期间存在隐患未整改。')
  await page.locator('[data-test="objection-raise"]').click()
  await expectStage(page, '异议处理中')
  await expect(page.locator('[data-test="notice-stopped"]')).toBeVisible()
  await expect(page.locator('[data-test="objection-list"]')).toContainText('隐患未整改')
  await shot(page, '42-regulator-objection-open')
  await page.locator('[data-test="objection-resolve"]').click()
  await field(page, 'objection-resolution').fill('经核查，隐患已于评审前整改完毕，异议不成立。')
  await page.locator('[data-test="objection-decide"]').click()
  await expectStage(page, '公示中')
  await expect(page.locator('[data-test="objection-list"]')).toContainText('异议不成立')
  await expect(page.locator('[data-test="notice-closes"]')).toBeVisible()
  await shot(page, '43-regulator-objection-resolved')
  await advanceClock(request, 'P10D')
  await page.reload()
  await page.locator('[data-test="announce"]').click()
  await expectStage(page, '已公告')
  await signOut(page)

  // The organization issues the certificate.
  await signIn(page, 'ReviewOrganization')
  await openApplication(page, applicationId)
  await page.locator('[data-test="issue"]').click()
  await expect(page.locator('[data-test="application"]')).toContainText('宁AQB')
  const certificateHref = await page.locator('[data-test="application"] a[href^="/certificates/"]').getAttribute('href')
  const certificateId = certificateHref.split('/').pop()
  await shot(page, '41-organization-certificate-issued')
  await signOut(page)

  // The enterprise sees its certificate and its deadlines.
  await signIn(page, 'Enterprise')
  const card = page.locator('[data-test="certificate"]', { has: page.locator(`a[href="/certificates/${certificateId}"]`) })
  await expect(card).toBeVisible()
  await expect(card.locator('[data-test="certificate-number"]')).toContainText('宁AQB')
  await expect(card.locator('[data-test="status"]')).toHaveText('有效')
  await expect(card).toContainText('二级')
  await expect(page.locator('[data-test="deadlines"] [data-test="deadline"]').first()).toBeVisible()
  await expect(page.locator(`[data-test="deadlines"] a[href="/workflows/certificate/${certificateId}"]`).first()).toBeVisible()
  await expect(page.locator('[data-test="ics"]')).toHaveAttribute('href', new RegExp(`/api/enterprises/${enterpriseId}/deadlines\\.ics$`))
  await shot(page, '50-enterprise-certificate-and-deadlines')
  await page.goto(`/workflows/application/${applicationId}`)
  await expect(page.locator('[data-test="history"] [data-test="history-entry"]').nth(5)).toBeVisible()
  await shot(page, '51-enterprise-application-timeline')

  // Close to the end of its validity the renewal reminder reaches the enterprise's notice record.
  await advanceClock(request, 'P2Y11M20D')
  await page.goto('/enterprise/deliveries')
  const reminder = page.locator('[data-test="deliveries"] tr', { has: page.locator(`a[href="/workflows/certificate/${certificateId}"]`) }).filter({ hasText: '证书即将到期' })
  await expect(async () => {
    await page.locator('[data-test="refresh"]').click()
    await expect(reminder.first()).toBeVisible({ timeout: 2_000 })
  }).toPass({ timeout: 60_000 })
  await shot(page, '52-enterprise-deliveries-renewal-reminder')
  await signOut(page)

  // A regulator revokes it, seeing what follows before confirming.
  await signIn(page, 'Regulator')
  await page.goto(`/certificates/${certificateId}`)
  await page.locator('[data-ground="FraudInReview"]').click()
  await field(page, 'revoke-reason').fill('评审材料中的隐患排查记录系伪造。')
  await page.locator('[data-test="evidence-file"]').setInputFiles(pdf('evidence'))
  await page.locator('[data-test="evidence-upload"]').click()
  await expect(page.locator('[data-test="evidence"]')).toHaveCount(1)
  await page.locator('[data-test="revoke"]').click()
  const preview = page.getByRole('dialog')
  await expect(preview).toContainText('收回证书及牌匾')
  await expect(preview).toContainText('一年内不得申请')
  await shot(page, '60-regulator-revocation-preview')
  // The revocation answers once its own workflow has recorded it; a reload before then would abort the request.
  const revoked = page.waitForResponse((r) => r.url().endsWith(`/certificates/${certificateId}/revocation`) && r.request().method() === 'POST', { timeout: 150_000 })
  await page.locator('[data-test="revoke-confirm"]').click()
  expect((await revoked).status()).toBe(201)
  await expect(preview).toBeHidden()
  // The certificate's workflow records the revocation a moment after the revocation's own step.
  await expect(async () => {
    await page.reload()
    await expect(page.locator('[data-test="certificate"] [data-test="status"]')).toHaveText('已撤销', { timeout: 2_000 })
  }).toPass({ timeout: 60_000 })
  await shot(page, '61-regulator-revoked')

  // The API agrees, whatever the screens showed.
  const certificate = await (await apiAs(request, tokens.Enterprise, 'GET', `/certificates/${certificateId}`)).json()
  expect(certificate.status).toBe('Revoked')
})
