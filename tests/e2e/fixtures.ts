import { randomUUID } from 'node:crypto'
import { expect, type Page } from '@playwright/test'

export type Account = { name: string; email: string; password: string; workspaceName: string }

export function newAccount(name: string): Account {
  return { name, email: `${name.toLowerCase()}-${randomUUID().slice(0, 8)}@example.com`, password: 'correct horse battery', workspaceName: `${name} Inc` }
}

/**
 * Each new account's browser comes from an address of its own (the e2e server trusts one proxy hop,
 * tests/e2e/serve.js), as real sign-ups do: from one address, the e2e run's sign-ups would pass the per-address
 * sign-up limit (10 an hour). The address is a header value only (IPv6 documentation prefix); nothing is sent there.
 */
export async function comeFromOwnAddress(page: Page) {
  await page.context().setExtraHTTPHeaders({ 'X-Forwarded-For': `2001:db8::${randomUUID().slice(0, 4)}:${randomUUID().slice(0, 4)}` })
}

export async function signUp(page: Page, account: Account) {
  await comeFromOwnAddress(page)
  await page.goto('/signup')
  await page.getByLabel('Your name').fill(account.name)
  await page.getByLabel('Work email').fill(account.email)
  await page.getByLabel('Password').fill(account.password)
  await page.getByLabel('Workspace name').fill(account.workspaceName)
  await page.getByRole('button', { name: 'Sign up' }).click()
  await expect(page).toHaveURL(/\/dashboard$/)
}

export async function logIn(page: Page, account: Pick<Account, 'email' | 'password'>) {
  await page.goto('/login')
  await page.getByLabel('Email').fill(account.email)
  await page.getByLabel('Password').fill(account.password)
  await page.getByRole('button', { name: 'Log in' }).click()
  await expect(page).toHaveURL(/\/dashboard$/)
}

export async function createApiKey(page: Page, name: string) {
  await page.goto('/settings/api-keys')
  await page.getByLabel('Key name').fill(name)
  await page.getByRole('button', { name: 'Create key' }).click()
  const key = (await page.getByTestId('new-api-key').textContent())!.trim()
  expect(key).toMatch(/^sf_/)
  return key
}
