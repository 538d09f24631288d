import { expect, test } from '@playwright/test'
import { baseURL } from '../../playwright.config'
import { createApiKey, hydrated, newAccount, signUp } from './fixtures'

test("Workspaces are isolated: Bob can neither see nor touch Alice's keys", async ({ browser }) => {
  const alice = await (await browser.newContext()).newPage()
  const bob = await (await browser.newContext()).newPage()
  const aliceAccount = newAccount('Alice')
  await signUp(alice, aliceAccount)
  await signUp(bob, newAccount('Bob'))
  const aliceKey = await createApiKey(alice, 'Alice key')
  const aliceKeyId = await alice.getByTestId('api-key-row').first().locator('input[name=id]').getAttribute('value')

  await bob.goto('/settings/api-keys')
  await expect(bob.getByText('No keys yet.')).toBeVisible()
  const attempt = await bob.request.post('/settings/api-keys', {
    form: { intent: 'revoke', id: aliceKeyId! },
    headers: { Origin: baseURL },
  })
  expect(attempt.status()).toBe(404)

  const stillWorks = await bob.request.get('/api/v1/workspace', { headers: { Authorization: `Bearer ${aliceKey}` } })
  expect(await stillWorks.json()).toMatchObject({ name: aliceAccount.workspaceName })

  const forged = await bob.request.post('/settings/api-keys', { form: { intent: 'create', name: 'x' }, headers: { Origin: 'https://evil.example' } })
  expect(forged.status()).toBe(403)
})

test('An owner invites a viewer by link; the viewer joins and can change nothing', async ({ browser }) => {
  const owner = await (await browser.newContext()).newPage()
  const ownerAccount = newAccount('Olga')
  await signUp(owner, ownerAccount)
  await owner.goto('/settings/members')
  await owner.getByLabel('Invite as').selectOption('viewer')
  await owner.getByRole('button', { name: 'Create invite link' }).click()
  const inviteUrl = (await owner.getByTestId('invite-url').textContent())!.trim()

  const guest = await (await browser.newContext()).newPage()
  await guest.goto(inviteUrl)
  await expect(guest.getByRole('heading', { name: `Join ${ownerAccount.workspaceName}` })).toBeVisible()
  await guest.getByRole('link', { name: 'Create an account and join' }).click()
  const viewer = newAccount('Vic')
  await guest.getByLabel('Your name').fill(viewer.name)
  await guest.getByLabel('Work email').fill(viewer.email)
  await guest.getByLabel('Password').fill(viewer.password)
  await guest.getByRole('button', { name: 'Sign up' }).click()
  await expect(guest).toHaveURL(/\/dashboard$/)
  await expect(guest.getByTestId('workspace-name')).toHaveText(ownerAccount.workspaceName)

  await guest.goto('/settings/api-keys')
  await expect(guest.getByText('Viewers cannot create or revoke keys.')).toBeVisible()
  const attempt = await guest.request.post('/settings/api-keys', { form: { intent: 'create', name: 'sneaky' }, headers: { Origin: baseURL } })
  expect(attempt.status()).toBe(403)

  await owner.reload()
  await expect(owner.getByTestId('member-row')).toHaveCount(2)
})

test("A Swedish marketer in Stockholm creates a second workspace: the form speaks Swedish, and the workspace counts Stockholm's days in SEK", async ({ browser }) => {
  const context = await browser.newContext({ locale: 'sv-SE', timezoneId: 'Europe/Stockholm' })
  const page = await context.newPage()
  // Signed up in English (the fixture's labels) from a browser in Lisbon: the first workspace is not Stockholm's.
  const english = await browser.newContext({ timezoneId: 'Europe/Lisbon' })
  await signUp(await english.newPage(), newAccount('Sven'))
  await context.addCookies(await english.cookies())
  await english.close()

  await page.goto('/workspaces/new')
  await hydrated(page)
  await expect(page.getByRole('heading', { name: 'Skapa en arbetsyta' })).toBeVisible()
  await expect(page.getByTestId('browser-calendar')).toHaveText('Dygn räknas i Europe/Stockholm och belopp visas i SEK. Du kan ändra båda under Inställningar.')
  await page.getByLabel('Arbetsytans namn').fill('Nordbolaget')
  await page.getByRole('button', { name: 'Skapa arbetsyta' }).click()
  await expect(page).toHaveURL(/\/dashboard$/)
  await page.goto('/settings')
  await expect(page.getByLabel('Tidszon')).toHaveValue('Europe/Stockholm')
  await expect(page.getByLabel('Valuta')).toHaveValue('SEK')
  await expect(page.getByLabel('Valuta').locator('option:checked')).toHaveText('svensk krona (SEK)')
  await context.close()
})
