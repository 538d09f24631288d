import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { FormDefinitionInput } from '#app/forms/definition'
import { HEARD_ABOUT_DEFAULT_OPTIONS } from '#app/forms/purposes'
import { action as pagesApi } from '#app/routes/api.v1.pages'
import { action as patchPageApi, loader as pageApiLoader } from '#app/routes/api.v1.pages.$id'
import { action as pageAction } from '#app/routes/_app.pages.$id/route'
import { CATALOGUES } from '#app/visitor-language/catalogue'
import { VISITOR_LOCALES, type VisitorLanguage } from '#app/visitor-language/locales'
import { findEnglish } from '#tests/english-scan'
import { apiKeyCaller, callRoute, createOwner, readResult } from '#tests/factories/accounts'
import { BROWSER_UA, hiddenFieldsOf, loopbackAddress, postFrom, publishFormPage, startVisitorServer } from '#tests/factories/published-forms'

// Issue 18, "the language of a page", on the real visitor path: a page in each language shows no English system
// string when served, after a failed submission without JavaScript (both steps of a multi-step form), or in the
// text it hands its script; the API sets and refuses languages by name.

/** A form with every field kind, over two steps, with the builder's English defaults left as they are. */
export const EVERY_KIND_FORM: FormDefinitionInput = {
  purpose: 'demo_request',
  conversionType: 'hard',
  minFillSeconds: 0,
  fields: [
    { key: 'email', type: 'email', label: 'E-post', required: true },
    { key: 'name', type: 'text', label: 'Namn', required: true, minLength: 3 },
    { key: 'message', type: 'textarea', label: 'Meddelande', maxLength: 20 },
    { key: 'phone', type: 'phone', label: 'Telefon', required: true },
    { key: 'seats', type: 'number', label: 'Platser', min: 1, max: 1500 },
    { key: 'day', type: 'date', label: 'Dag', min: '2026-01-15', max: '2026-12-31' },
    {
      key: 'size',
      type: 'select',
      label: 'Storlek',
      required: true,
      options: [
        { value: 's', label: 'S' },
        { value: 'm', label: 'M' },
      ],
    },
    {
      key: 'plan',
      type: 'radio',
      label: 'Plan',
      required: true,
      options: [
        { value: 'a', label: 'A1' },
        { value: 'b', label: 'B1' },
      ],
    },
    {
      key: 'topics',
      type: 'checkboxes',
      label: 'Ämnen',
      required: true,
      options: [
        { value: 'x', label: 'X1' },
        { value: 'y', label: 'Y1' },
      ],
    },
    { key: 'consent', type: 'consent', label: 'Samtycke', consentText: 'Ja.' },
    { key: 'campaign', type: 'hidden', label: 'Kampanj' },
    { key: 'heard_about', type: 'heard_about', label: 'How did you hear about us?', options: HEARD_ABOUT_DEFAULT_OPTIONS.map((o) => ({ ...o })) },
  ],
  steps: [
    { title: 'Ett', fieldKeys: ['email', 'name', 'message', 'phone', 'seats', 'day'] },
    { title: 'Två', fieldKeys: ['size', 'plan', 'topics', 'consent', 'campaign', 'heard_about'] },
  ],
}

const TRANSLATED = VISITOR_LOCALES.filter((l): l is Exclude<VisitorLanguage, 'en'> => l !== 'en')
const BAD_STEP_ONE = { email: 'nope', name: 'Al', message: 'x'.repeat(30), phone: 'abc', seats: '2000', day: '2025-01-01' }
const GOOD_STEP_ONE = { email: 'a@b.se', name: 'Alva', message: '', phone: '+46 70 123 45 67', seats: '3', day: '2026-02-01' }
const BAD_STEP_TWO = { size: '', plan: '', consent: '', heard_about: 'other', heard_about_other: '' }

let server: Awaited<ReturnType<typeof startVisitorServer>>
let owner: Awaited<ReturnType<typeof createOwner>>
const address = loopbackAddress()
beforeAll(async () => {
  server = await startVisitorServer()
  owner = await createOwner({ name: 'Språk' })
})
afterAll(() => server.close())

const browser = { 'User-Agent': BROWSER_UA, Accept: 'text/html' }
const form = (fields: Record<string, string>) => ({ headers: { ...browser, 'Content-Type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields).toString() })

describe('no English on a translated page', () => {
  test.each(TRANSLATED)('%s: served, after a failed post on each step without JS, and in the script’s text', async (language) => {
    const { slug } = await publishFormPage({ workspaceId: owner.workspaceId, userId: owner.userId, definition: EVERY_KIND_FORM, locale: language })
    const text = CATALOGUES[language].form
    const page = await (await fetch(`${server.url}/p/${slug}`, { headers: browser })).text()
    expect(page).toMatch(new RegExp(`^<!doctype html><html lang="${language}">`))
    expect(findEnglish(page, language)).toEqual([])
    expect(page).toContain(text.next)

    const hidden = hiddenFieldsOf(page)
    const stepOne = await postFrom(address, `${server.url}/p/${slug}`, form({ ...hidden, _step: '0', ...BAD_STEP_ONE }))
    expect(stepOne.status).toBe(400)
    const stepOneHtml = await stepOne.text()
    expect(findEnglish(stepOneHtml, language)).toEqual([])
    expect(stepOneHtml).toContain(text.email)

    const stepTwo = await postFrom(address, `${server.url}/p/${slug}`, form({ ...hidden, _step: '1', ...GOOD_STEP_ONE, ...BAD_STEP_TWO }))
    expect(stepTwo.status).toBe(400)
    const stepTwoHtml = await stepTwo.text()
    expect(findEnglish(stepTwoHtml, language)).toEqual([])
    expect(stepTwoHtml).toContain(text.back)
    expect(stepTwoHtml).toContain(text.heardAboutQuestion)

    // The script's words: the page carries its own language's form text, and only that.
    const shipped = /<script type="application\/json" data-sf-language="[^"]+">(.*?)<\/script>/.exec(page)![1]!
    expect(JSON.parse(shipped)).toEqual({ locale: language, text })
    expect(findEnglish(shipped, language)).toEqual([])
  })

  test('messages name numbers and days the language’s way', async () => {
    const { slug } = await publishFormPage({ workspaceId: owner.workspaceId, userId: owner.userId, definition: EVERY_KIND_FORM, locale: 'de' })
    const hidden = hiddenFieldsOf(await (await fetch(`${server.url}/p/${slug}`, { headers: browser })).text())
    const html = await (await postFrom(address, `${server.url}/p/${slug}`, form({ ...hidden, _step: '0', ...BAD_STEP_ONE }))).text()
    expect(html).toContain('Platser darf höchstens 1.500 sein')
    expect(html).toContain('Dag darf nicht vor dem 15. Januar 2026 liegen')
  })

  test('a page with no page to speak for (unknown slug) answers in the browser’s preferred language we speak', async () => {
    const swedish = await fetch(`${server.url}/p/no-such-page-here`, { headers: { ...browser, 'Accept-Language': 'ja, sv-SE;q=0.8, en;q=0.5' } })
    expect(swedish.status).toBe(404)
    const html = await swedish.text()
    expect(html).toMatch(/^<!doctype html><html lang="sv">/)
    expect(html).toContain(`<h1>${CATALOGUES.sv.system.notFoundTitle}</h1>`)
    const none = await (await fetch(`${server.url}/p/no-such-page-here`, { headers: { ...browser, 'Accept-Language': 'ja' } })).text()
    expect(none).toContain(`<h1>${CATALOGUES.en.system.notFoundTitle}</h1>`)
  })
})

describe('the page’s language through the API', () => {
  test('set on create, read back, changed with PATCH and served at once; unknown tags are refused by name', async () => {
    const call = await apiKeyCaller({ workspaceId: owner.workspaceId, createdBy: owner.userId })
    const refused = await call(pagesApi, '/api/v1/pages', { method: 'POST', body: { name: 'X', slug: 'lang-xx', locale: 'xx' } })
    expect(refused.status).toBe(400)
    expect(refused.body).toEqual({ errors: { locale: ['The locale "xx" is not supported: use one of en, sv, da, nb, fi, de, nl, fr, es'] } })
    const malformed = await call(pagesApi, '/api/v1/pages', { method: 'POST', body: { name: 'X', slug: 'lang-bad', locale: 'not a tag!' } })
    expect(malformed.status).toBe(400)
    expect((malformed.body as { errors: { locale: string[] } }).errors.locale[0]).toContain('"not a tag!" is not a language tag')

    const created = await call(pagesApi, '/api/v1/pages', { method: 'POST', body: { name: 'Svensk', slug: `lang-${Date.now()}`, locale: 'SV-se' } })
    expect(created.status).toBe(201)
    const { id } = created.body as { id: string }
    expect(((await call(pageApiLoader, '', { params: { id } })).body as { locale: string }).locale).toBe('sv-SE')

    const patched = await call(patchPageApi, '', { method: 'PATCH', params: { id }, body: { locale: 'de' } })
    expect(patched.status).toBe(200)
    expect(((await call(pageApiLoader, '', { params: { id } })).body as { locale: string }).locale).toBe('de')
    const unknown = await call(patchPageApi, '', { method: 'PATCH', params: { id }, body: { locale: 'tlh' } })
    expect(unknown.status).toBe(400)
    expect(unknown.body).toEqual({ errors: { locale: ['The locale "tlh" is not supported: use one of en, sv, da, nb, fi, de, nl, fr, es'] } })
    expect((await call(patchPageApi, '', { method: 'PATCH', params: { id }, body: {} })).status).toBe(400)
  })

  test('a new language is served without a publish', async () => {
    const call = await apiKeyCaller({ workspaceId: owner.workspaceId, createdBy: owner.userId })
    const { slug, pageId } = await publishFormPage({ workspaceId: owner.workspaceId, userId: owner.userId, locale: 'fi' })
    expect(await (await fetch(`${server.url}/p/${slug}`, { headers: browser })).text()).toMatch(/^<!doctype html><html lang="fi">/)
    await call(patchPageApi, '', { method: 'PATCH', params: { id: pageId }, body: { locale: 'nb' } })
    const html = await (await fetch(`${server.url}/p/${slug}`, { headers: browser })).text()
    expect(html).toMatch(/^<!doctype html><html lang="nb">/)
    expect(html).toContain(`>${CATALOGUES.nb.form.submit}</button>`)
  })
})

describe('the page’s language in the page settings', () => {
  const settings = { intent: 'settings', title: 'T', description: '', socialImage: '', favicon: '', brandColor: '#3b55e6', font: 'system-sans', logo: '' }

  test('saved with the settings and served at once; an unknown one is the field’s error; left out, it is kept', async () => {
    const { slug, pageId } = await publishFormPage({ workspaceId: owner.workspaceId, userId: owner.userId, locale: 'sv' })
    const save = (form: Record<string, string>) => callRoute(pageAction, `/pages/${pageId}`, { cookie: owner.cookie, params: { id: pageId }, form: { ...settings, slug, ...form } }).then(readResult)
    expect((await save({ locale: 'da' })).status).toBe(200)
    expect(await (await fetch(`${server.url}/p/${slug}`, { headers: browser })).text()).toMatch(/^<!doctype html><html lang="da">/)
    const refused = await save({ locale: 'xx' })
    expect(refused.status).toBe(400)
    expect(JSON.stringify(refused.body)).toContain('The locale \\"xx\\" is not supported')
    expect((await save({})).status).toBe(200)
    expect(await (await fetch(`${server.url}/p/${slug}`, { headers: browser })).text()).toMatch(/^<!doctype html><html lang="da">/)
  })
})
