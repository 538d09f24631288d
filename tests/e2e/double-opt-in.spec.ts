import { expect, test } from '@playwright/test'
import { startSmtpReceiver } from '../smtp-receiver'
import { smtpPort } from '../../playwright.config'

// Issue 20, double opt-in end to end (decision 081): a visitor subscribes on a published newsletter page, stays
// unconfirmed until the link in the real mail (the e2e server's SMTP_URL, a real SMTP server here) is opened, and
// a second open changes nothing. This spec and password-reset.spec.ts both listen on smtpPort: the 'mail' project
// in playwright.config.ts runs them one after the other, in one worker.

const API_KEY = process.env.DEMO_API_KEY ?? 'e2e_demo_key_0123456789abcdef'
const auth = { Authorization: `Bearer ${API_KEY}` }

test('A newsletter subscriber is unconfirmed until the mailed link is opened; opening it again changes nothing', async ({ page, request }) => {
  const smtp = await startSmtpReceiver({ port: smtpPort })
  try {
    const stamp = Date.now()
    const form = await request.post('/api/v1/forms', {
      headers: auth,
      data: {
        name: `Double opt-in ${stamp}`,
        purpose: 'newsletter',
        doubleOptIn: true,
        minFillSeconds: 0,
        fields: [{ key: 'email', type: 'email', label: 'Email', required: true }],
      },
    })
    expect(form.status()).toBe(201)
    const formId = (await form.json()).id
    const slug = `double-opt-in-${stamp}`
    const created = await request.post('/api/v1/pages', { headers: auth, data: { name: slug, slug, template: 'blank', formId } })
    expect(created.status()).toBe(201)
    expect((await request.post(`/api/v1/pages/${(await created.json()).id}/publish`, { headers: auth })).ok()).toBe(true)

    const email = `subscriber-${stamp}@example.com`
    await page.goto(`/p/${slug}`)
    await page.getByLabel('Email').fill(email)
    await page.locator('.sf-form [type=submit]').click()
    await expect(page.locator('.sf-form')).toContainText(/thank/i)

    const leadsOfForm = await request.get(`/api/v1/leads?formId=${formId}`, { headers: auth })
    expect(leadsOfForm.status()).toBe(200)
    const [listed] = (await leadsOfForm.json()).leads
    const lead = async () => {
      const response = await request.get(`/api/v1/leads/${listed.id}`, { headers: auth })
      expect(response.status()).toBe(200)
      return response.json()
    }
    expect((await lead()).email).toBe(email)
    expect((await lead()).confirmedAt).toBeNull()

    const mailTo = () => smtp.received.find((m) => m.envelopeTo.includes(email))
    await expect.poll(mailTo, { timeout: 15_000 }).toBeTruthy()
    const link = mailTo()!.mail.text!.match(/https?:\/\/\S+\/confirm\/[A-Za-z0-9._-]+/)![0]
    const path = new URL(link).pathname

    await page.goto(path)
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Thank you, your address is confirmed')
    const confirmedAt = (await lead()).confirmedAt
    expect(confirmedAt).not.toBeNull()

    await page.goto(path)
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your address is already confirmed')
    expect((await lead()).confirmedAt).toBe(confirmedAt)
    // Confirmed, the lead is not asked again: the one mail is all this address received.
    expect(smtp.received.filter((m) => m.envelopeTo.includes(email))).toHaveLength(1)
  } finally {
    await smtp.stop()
  }
})
