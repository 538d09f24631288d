import { expect, test } from '@playwright/test'
import { startSmtpReceiver } from '../smtp-receiver'
import { smtpPort } from '../../playwright.config'
import { hydrated, newAccount, signUp } from './fixtures'

// A member who forgot their password gets back in by mail, through the real SMTP path: the e2e server sends to a
// real SMTP server run here (playwright.config.ts gives it SMTP_URL on smtpPort).

test('A member who forgot their password resets it by mail, logs in with the new one, and the used link is refused', async ({ page }) => {
  const smtp = await startSmtpReceiver({ port: smtpPort })
  try {
    const account = newAccount('Rita')
    await signUp(page, account)
    await page.context().clearCookies()
    await page.goto('/login')
    await page.getByRole('link', { name: 'Forgot your password?' }).click()
    // /login has an "Email" field too. A click before /login hydrated is a full navigation, and the old document
    // could still be on screen (and hydrated) when the address was typed: it went into the login form and the reset
    // form was sent empty. So wait for the reset form itself, in a hydrated document, before typing.
    await expect(page).toHaveURL(/\/forgot-password$/)
    await expect(page.getByRole('button', { name: 'Send me a reset link' })).toBeVisible()
    await hydrated(page)
    await page.getByLabel('Email').fill(account.email)
    await expect(page.getByLabel('Email')).toHaveValue(account.email)
    await page.getByRole('button', { name: 'Send me a reset link' }).click()
    await expect(page.getByTestId('reset-requested')).toContainText(`If an account exists for ${account.email}`)

    const mailTo = () => smtp.received.find((m) => m.envelopeTo.includes(account.email))
    await expect.poll(mailTo, { timeout: 15_000 }).toBeTruthy()
    const mail = mailTo()!
    expect(mail.mail.subject).toBe('Reset your Splitform password')
    const link = mail.mail.text!.match(/https?:\/\/\S+\/reset-password\/[A-Za-z0-9_-]+/)![0]
    const path = new URL(link).pathname

    await page.goto(path)
    await page.getByLabel('New password', { exact: true }).fill('a new password, remembered')
    await page.getByLabel('Repeat the new password').fill('a new password, remembered')
    await page.getByRole('button', { name: 'Set the new password' }).click()
    await expect(page.getByTestId('password-reset-done')).toBeVisible()

    await page.getByLabel('Email').fill(account.email)
    await page.getByLabel('Password').fill('a new password, remembered')
    await page.getByRole('button', { name: 'Log in' }).click()
    await expect(page).toHaveURL(/\/dashboard$/)

    await page.goto(path)
    await expect(page.getByTestId('dead-reset-link')).toContainText('already used')
  } finally {
    await smtp.stop()
  }
})
