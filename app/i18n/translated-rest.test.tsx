import { eq } from 'drizzle-orm'
import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, test } from 'vitest'
import { createApiKey } from '#app/api-keys/api-key.server'
import { FormErrorList } from '#app/components/ui/field'
import { db } from '#app/db.server'
import { FieldSchema, FormDefinitionSchema, MAX_OPTIONS } from '#app/forms/definition'
import swedish from '#app/i18n/catalogues/sv.json'
import { addCatalogue } from '#app/i18n/i18n'
import { LanguageProvider, messageKeyOf } from '#app/i18n/provider'
import { EditorFormSlot } from '#app/pages/form-picker'
import * as leadRoute from '#app/routes/_app.leads.$id/route'
import * as inboxRoute from '#app/routes/_app.leads._index/route'
import * as apiKeysRoute from '#app/routes/_app.settings.api-keys'
import * as forgotRoute from '#app/routes/forgot-password'
import * as resetRoute from '#app/routes/reset-password.$token'
import * as verifyTokenRoute from '#app/routes/verify-email.$token'
import { formLanguageFor } from '#app/visitor-language/catalogue'
import { en } from '#app/visitor-language/catalogues/en'
import { localizeDefinition } from '#app/visitor-language/form-defaults'
import { workspaces } from '#db/schema'
import { createOwner } from '#tests/factories/accounts'
import { insertLead } from '#tests/factories/lead-rows'
import { renderRoute, textOf } from '#tests/render-route'

// The server's catalogues, in hand as language.server.ts makes them at startup.
addCatalogue('sv', swedish)

// Issue 18, slice 18e: the admin's last English. Dates in the reader's language and the workspace's time zone, the
// shared components (the table frame), and the validation messages that carry a value, in Swedish.

const SWEDISH_BROWSER = { 'Accept-Language': 'sv-SE,sv;q=0.9,en;q=0.8' }
const ENGLISH_BROWSER = { 'Accept-Language': 'en-US,en;q=0.9' }

// 23:30 UTC on 6 December is 00:30 on 7 December in Stockholm (CET, UTC+1).
const LATE_EVENING_UTC = new Date('2026-12-06T23:30:00Z')

async function stockholmOwnerWithLateLead() {
  const owner = await createOwner({ name: 'Stina Stockholm' })
  await db.update(workspaces).set({ timezone: 'Europe/Stockholm' }).where(eq(workspaces.id, owner.workspaceId))
  const lead = await insertLead({
    workspaceId: owner.workspaceId,
    email: 'sen@example.se',
    name: 'Sena Svensson',
    firstSeenAt: LATE_EVENING_UTC,
    lastConversionAt: LATE_EVENING_UTC,
    createdAt: LATE_EVENING_UTC,
  })
  return { owner, lead }
}

describe('dates on the admin screens', () => {
  test("the leads list shows a lead from 23:30 UTC on the next day in a Stockholm workspace, in the reader's language", async () => {
    const { owner } = await stockholmOwnerWithLateLead()
    const render = (headers: Record<string, string>) => renderRoute({ id: 'routes/_app.leads._index', path: '/leads', pattern: 'leads', module: inboxRoute, cookie: owner.cookie, headers })
    const sv = textOf((await render(SWEDISH_BROWSER)).html)
    expect(sv).toContain('7 dec. 2026 00:30')
    expect(sv).not.toMatch(/2026-12-06|6 dec\. 2026|UTC/)
    const en = textOf((await render(ENGLISH_BROWSER)).html)
    expect(en).toContain('7 Dec 2026, 00:30')
    expect(en).not.toMatch(/2026-12-06|UTC/)
  })

  test('a UTC workspace shows the same lead on its own day', async () => {
    const owner = await createOwner()
    await insertLead({ workspaceId: owner.workspaceId, email: 'utc@example.com', firstSeenAt: LATE_EVENING_UTC, lastConversionAt: LATE_EVENING_UTC })
    const en = textOf((await renderRoute({ id: 'routes/_app.leads._index', path: '/leads', pattern: 'leads', module: inboxRoute, cookie: owner.cookie, headers: ENGLISH_BROWSER })).html)
    expect(en).toContain('6 Dec 2026, 23:30')
    expect(en).not.toContain('7 Dec 2026')
  })

  test("a lead's page shows when it became a lead in the workspace's zone, in Swedish", async () => {
    const { owner, lead } = await stockholmOwnerWithLateLead()
    const sv = textOf((await renderRoute({ id: 'routes/_app.leads.$id', path: `/leads/${lead.id}`, pattern: 'leads/:id', module: leadRoute, cookie: owner.cookie, headers: SWEDISH_BROWSER })).html)
    expect(sv).toContain('7 dec. 2026 00:30')
    expect(sv).not.toMatch(/2026-12-06 23:30|UTC/)
  })
})

describe('API keys (a table frame and dates)', () => {
  test('in Swedish: the scroll hint, the region name, the creation date and "never used"', async () => {
    const owner = await createOwner()
    await createApiKey({ workspaceId: owner.workspaceId, name: 'CRM-synk', createdBy: owner.userId })
    const render = (headers: Record<string, string>) =>
      renderRoute({ id: 'routes/_app.settings.api-keys', path: '/settings/api-keys', pattern: 'settings/api-keys', module: apiKeysRoute, cookie: owner.cookie, headers })
    const svHtml = (await render(SWEDISH_BROWSER)).html
    const sv = textOf(svHtml)
    expect(sv).toContain('Rulla i sidled för fler kolumner →')
    expect(svHtml).toContain('(rullar i sidled)')
    expect(sv).toMatch(/CRM-synk .*\d{1,2} [a-zåäö]+\.? \d{4} \d\d:\d\d/)
    expect(sv).not.toMatch(/Scroll sideways|scrolls sideways| UTC/)
    const enHtml = (await render(ENGLISH_BROWSER)).html
    expect(textOf(enHtml)).toContain('Scroll sideways for more columns →')
    expect(enHtml).toContain('(scrolls sideways)')
  })
})

describe('messages that carry a value', () => {
  const inSwedish = (node: React.ReactNode) => textOf(renderToStaticMarkup(<LanguageProvider data={{ language: 'sv' }}>{node}</LanguageProvider>))
  const inEnglish = (node: React.ReactNode) => textOf(renderToStaticMarkup(<LanguageProvider data={undefined}>{node}</LanguageProvider>))
  const issuesOf = (field: unknown) => {
    const parsed = FieldSchema.safeParse(field)
    return parsed.success ? [] : parsed.error.issues.map((issue) => issue.message)
  }

  test("the form builder's option messages, written by the shared schema, read Swedish with their values", () => {
    const twice = issuesOf({
      type: 'select',
      key: 'size',
      label: 'Storlek',
      options: [
        { value: 'ja', label: 'Ja' },
        { value: 'ja', label: 'Ja igen' },
      ],
    })
    expect(twice).toContain('The value "ja" is used twice')
    expect(inSwedish(<FormErrorList errors={twice} />)).toContain('Värdet ”ja” används två gånger')
    expect(inEnglish(<FormErrorList errors={twice} />)).toContain('The value "ja" is used twice')

    const many = issuesOf({ type: 'select', key: 'size', label: 'Storlek', options: Array.from({ length: MAX_OPTIONS + 1 }, (_, i) => ({ value: `v${i}`, label: `V ${i}` })) })
    expect(many).toContain(`Use at most ${MAX_OPTIONS} options`)
    expect(inSwedish(<FormErrorList errors={many} />)).toContain(`Använd högst ${MAX_OPTIONS} alternativ`)
  })

  test('a message is matched whole, values and all; unknown ones stay English', () => {
    expect(messageKeyOf('Use at most 120 characters')).toEqual({ key: 'pages.validation.atMost120', values: {} })
    expect(messageKeyOf('Use at most 37 characters')).toEqual({ key: 'validation.atMostCharacters', values: { max: 37 } })
    expect(messageKeyOf('The value "a b" is used twice')).toEqual({ key: 'forms.validation.valueTwice', values: { value: 'a b' } })
    expect(messageKeyOf('Use at most 37 characters, please')).toBeNull()
    expect(inSwedish(<FormErrorList errors={['Unreadable filters', 'Choose a held submission', 'Use at most 5 addresses', 'Something new']} />)).toBe(
      'Filtren gick inte att läsa Välj ett spärrat inskick Använd högst 5 adresser Something new',
    )
  })
})

describe("the builder's defaults", () => {
  const definition = FormDefinitionSchema.parse({
    purpose: 'contact_sales',
    conversionType: 'hard',
    fields: [
      { type: 'email', key: 'email', label: 'Email', required: true },
      {
        type: 'select',
        key: 'size',
        label: 'Size',
        options: [
          { value: 'option_1', label: en.form.optionNumbered.replace('{number}', '1') },
          { value: 'option_2', label: 'Option 2 or more' },
        ],
      },
      {
        type: 'radio',
        key: 'plan',
        label: 'Plan',
        options: [
          { value: 'a', label: 'Option 12' },
          { value: 'b', label: 'Option B' },
        ],
      },
      { type: 'text', key: 'note', label: 'Note' },
    ],
    steps: [
      { title: 'About you', fieldKeys: ['email'] },
      { title: 'Your request', fieldKeys: ['size'] },
      { title: 'Step 3', fieldKeys: ['plan'] },
      { title: 'Om dig själv', fieldKeys: ['note'] },
    ],
  })

  test("step titles and option labels the builder filled in read in the page's language; the marketer's own stay", () => {
    const swedishPage = localizeDefinition(definition, formLanguageFor('sv-SE').text)
    expect(swedishPage.steps!.map((s) => s.title)).toEqual(['Om dig', 'Ditt ärende', 'Steg 3', 'Om dig själv'])
    const options = (key: string) => (swedishPage.fields.find((f) => f.key === key) as { options: { label: string }[] }).options.map((o) => o.label)
    expect(options('size')).toEqual(['Alternativ 1', 'Option 2 or more'])
    expect(options('plan')).toEqual(['Alternativ 12', 'Option B'])
    const germanPage = localizeDefinition(definition, formLanguageFor('de').text)
    expect(germanPage.steps!.map((s) => s.title)).toEqual(['Über Sie', 'Ihr Anliegen', 'Schritt 3', 'Om dig själv'])
    expect(localizeDefinition(definition, formLanguageFor('en').text)).toBe(definition)
  })

  test("the editor's empty Form block asks for a form in the admin's language", () => {
    const sv = textOf(
      renderToStaticMarkup(
        <LanguageProvider data={{ language: 'sv' }}>
          <EditorFormSlot formId="" forms={[]} />
        </LanguageProvider>,
      ),
    )
    expect(sv).toBe('Välj ett formulär Välj ett av era formulär i blockets inställning ”Formulär”.')
    const gone = textOf(
      renderToStaticMarkup(
        <LanguageProvider data={{ language: 'sv' }}>
          <EditorFormSlot formId="33333333-3333-4333-8333-333333333333" forms={[]} />
        </LanguageProvider>,
      ),
    )
    expect(gone).toContain('Formuläret är arkiverat eller finns inte längre')
  })
})

describe('the account pages outside the app (password reset, email confirmation)', () => {
  const render = (path: string, pattern: string, id: string, module: Parameters<typeof renderRoute>[0]['module'], headers: Record<string, string>) =>
    renderRoute({ id, path, pattern, module, headers, layout: 'none' })

  test('forgot your password, in Swedish and English', async () => {
    const sv = textOf((await render('/forgot-password', 'forgot-password', 'routes/forgot-password', forgotRoute, SWEDISH_BROWSER)).html)
    expect(sv).toContain('Glömt lösenordet?')
    expect(sv).toContain('Ange e-postadressen du loggar in med')
    expect(sv).toContain('Skicka en återställningslänk')
    expect(sv).toContain('Tillbaka till inloggningen')
    expect(sv).not.toMatch(/Forgot|Send me|Back to log in/)
    const en = textOf((await render('/forgot-password', 'forgot-password', 'routes/forgot-password', forgotRoute, ENGLISH_BROWSER)).html)
    expect(en).toContain('Send me a reset link')
  })

  test('a dead reset link and a dead confirmation link say why, in Swedish', async () => {
    const reset = await render('/reset-password/not-a-token', 'reset-password/:token', 'routes/reset-password.$token', resetRoute, SWEDISH_BROWSER)
    expect(reset.status).toBe(404)
    expect(textOf(reset.html)).toContain('Länken fungerar inte Återställningslänken är inte giltig: kontrollera att hela länken kom med. Skicka en ny länk')
    const verify = await render('/verify-email/not-a-token', 'verify-email/:token', 'routes/verify-email.$token', verifyTokenRoute, SWEDISH_BROWSER)
    expect(verify.status).toBe(404)
    expect(textOf(verify.html)).toContain('Bekräftelselänken är inte giltig: kontrollera att hela länken kom med. Logga in eller få en ny länk')
    const english = await render('/verify-email/not-a-token', 'verify-email/:token', 'routes/verify-email.$token', verifyTokenRoute, ENGLISH_BROWSER)
    expect(textOf(english.html)).toContain('This confirmation link is not valid: check that the whole link was copied.')
  })
})
