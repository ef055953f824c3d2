import { test, expect } from '@playwright/test'
import { field, shot, signIn } from './helpers.js'

// The API writes its field errors in the console's language (the console sends it as Accept-Language), and the form
// shows each next to its field.
test('a Chinese form shows the API\'s Chinese error next to its field, and English after the switch', async ({ page }) => {
  await signIn(page, 'Enterprise')
  await page.goto('/enterprise/self-assessment')
  await expect(page.getByRole('heading', { level: 2 })).toContainText('年度自评')

  const score = field(page, 'sa-score')
  await score.fill('150')
  await score.blur()
  await page.locator('[data-test="sa-submit"]').click()

  const scoreItem = page.locator('.el-form-item').filter({ has: page.locator('[data-test="sa-score"]') })
  await expect(scoreItem.locator('.el-form-item__error')).toHaveText('得分须在 0 到 100 之间；150 不在此范围内。')
  await shot(page, 'language-zh-field-error')

  await page.locator('[data-test="language"]').click()
  await page.locator('[data-test="sa-submit"]').click()
  await expect(scoreItem.locator('.el-form-item__error')).toHaveText('A score lies between 0 and 100; 150 does not.')
  await shot(page, 'language-en-field-error')

  // Back to Chinese for whoever signs in next in this browser profile.
  await page.locator('[data-test="language"]').click()
})
