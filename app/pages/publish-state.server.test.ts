import { describe, expect, test } from 'vitest'
import { validatePageDocument } from '#app/pages/document'
import { haveSettingsChanged, variantPublishState } from '#app/pages/publish-state.server'
import { TEMPLATES } from '#app/pages/templates/index'
import { DEFAULT_PAGE_SETTINGS } from '#app/pages/schema'

const template = TEMPLATES.find((t) => t.id === 'demo')!
/** What a publish stores: the validated document, through JSON as jsonb keeps it. */
function published(document: unknown) {
  const checked = validatePageDocument(document)
  if (!checked.ok) throw new Error(checked.errors.join('; '))
  return JSON.parse(JSON.stringify(checked.data)) as { content: { props: Record<string, unknown> }[] }
}
/** The same object with its keys in reverse order at every level, as jsonb may hand them back. */
function reversedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reversedKeys)
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value)
        .reverse()
        .map(([k, v]) => [k, reversedKeys(v)]),
    )
  return value
}

describe('variantPublishState', () => {
  test('a variant the live version does not hold (or a page never published) is unpublished', () => {
    expect(variantPublishState({ draft: template.build({}), published: undefined })).toBe('unpublished')
  })

  test("a template's raw first draft equals the version published from it", () => {
    const draft = template.build({})
    expect(variantPublishState({ draft, published: published(draft) })).toBe('live')
  })

  test('the order of keys does not count', () => {
    const draft = template.build({})
    expect(variantPublishState({ draft: reversedKeys(draft), published: published(draft) })).toBe('live')
  })

  test('a changed text is an unpublished change, and changing it back is none', () => {
    const live = published(template.build({}))
    const edited = structuredClone(live)
    const before = edited.content[0]!.props.headline
    edited.content[0]!.props.headline = 'Demos that close deals'
    expect(variantPublishState({ draft: edited, published: live })).toBe('changed')
    edited.content[0]!.props.headline = before
    expect(variantPublishState({ draft: edited, published: live })).toBe('live')
  })

  test('a removed block is an unpublished change', () => {
    const live = published(template.build({}))
    expect(variantPublishState({ draft: { ...live, content: live.content.slice(1) }, published: live })).toBe('changed')
  })

  test('a draft that no longer validates differs from what is live', () => {
    const live = published(template.build({}))
    expect(variantPublishState({ draft: { root: {}, content: [{ type: 'Nope', props: { id: 'x' } }] }, published: live })).toBe('changed')
  })
})

describe('haveSettingsChanged', () => {
  test('equal settings in another key order are unchanged; a new title is a change', () => {
    const settings = { ...DEFAULT_PAGE_SETTINGS, title: 'Spring demo' }
    expect(haveSettingsChanged({ draft: reversedKeys(settings), published: settings })).toBe(false)
    expect(haveSettingsChanged({ draft: { ...settings, title: 'Autumn demo' }, published: settings })).toBe(true)
  })
})
