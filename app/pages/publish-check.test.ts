import { expect, test } from 'vitest'
import type { PageDocument } from '#app/pages/document'
import { attachFormToBlock, describeEmptyFormBlock, findEmptyFormBlocks, removeBlock } from '#app/pages/publish-check'
import { TEMPLATES } from '#app/pages/templates/index'

const demo = () => TEMPLATES.find((t) => t.id === 'demo')!.build({}) as PageDocument

test('finds a Form block without a form, nested in a section’s columns, with its id, path and heading', () => {
  expect(findEmptyFormBlocks(demo())).toEqual([{ blockId: 'Form-demo-7', path: 'content.5 (Section).content.0 (Columns).right.0 (Form)', heading: 'Book your demo' }])
})

test('a form id, even one of spaces only, is what counts: with one the block is fine, blank is empty', () => {
  const withForm = TEMPLATES.find((t) => t.id === 'webinar')!.build({ formId: '6d1c2f4e-0000-4000-8000-000000000001' }) as PageDocument
  expect(findEmptyFormBlocks(withForm)).toEqual([])
  const spaces = TEMPLATES.find((t) => t.id === 'blank')!.build({ formId: '   ' }) as PageDocument
  expect(findEmptyFormBlocks(spaces)).toEqual([{ blockId: 'Form-blank-2', path: 'content.1 (Form)', heading: 'Get in touch' }])
  expect(findEmptyFormBlocks({ root: { props: {} }, content: [] })).toEqual([])
})

test('every empty Form block is named, in document order', () => {
  const doc: PageDocument = {
    root: { props: {} },
    content: [
      { type: 'Form', props: { id: 'f1', formId: '', heading: '', text: '' } },
      { type: 'Section', props: { id: 's1', background: 'none', spacing: 'medium', content: [{ type: 'Form', props: { id: 'f2', formId: '', heading: 'Inner', text: '' } }] } },
    ],
  }
  expect(findEmptyFormBlocks(doc).map((b) => [b.blockId, b.path])).toEqual([
    ['f1', 'content.0 (Form)'],
    ['f2', 'content.1 (Section).content.0 (Form)'],
  ])
})

test('the refusal names the variant, the block and the way out', () => {
  const [block] = findEmptyFormBlocks(demo())
  expect(describeEmptyFormBlock('B', block!)).toMatchObject({
    variant: 'B',
    blockId: 'Form-demo-7',
    message: 'Variant B: the Form block “Book your demo” (content.5 (Section).content.0 (Columns).right.0 (Form)) has no form. Attach a form to it or remove the block, then publish again.',
  })
  expect(describeEmptyFormBlock('A', { blockId: 'x', path: 'content.0 (Form)', heading: '' }).message).toMatch(/^Variant A: a Form block \(content\.0 \(Form\)\) has no form/)
})

test('the fixes: attach a form to the nested block, or remove it; other blocks and the input stay as they were', () => {
  const doc = demo()
  const before = JSON.stringify(doc)
  const attached = attachFormToBlock(doc, 'Form-demo-7', 'form-1')
  expect(attached.found).toBe(true)
  expect(findEmptyFormBlocks(attached.document)).toEqual([])
  expect(JSON.stringify(attached.document)).toContain('"formId":"form-1"')
  expect(JSON.stringify(doc)).toBe(before)

  const removed = removeBlock(doc, 'Form-demo-7')
  expect(removed.found).toBe(true)
  expect(JSON.stringify(removed.document)).not.toContain('Form-demo-7')
  expect(removed.document.content).toHaveLength(doc.content.length)

  expect(attachFormToBlock(doc, 'Hero-demo-1', 'form-1').found).toBe(false) // not a Form block
  expect(removeBlock(doc, 'no-such-block').found).toBe(false)
})
