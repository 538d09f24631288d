import { Link, useFetcher } from '@remix-run/react'
import { useEffect, useRef, useState } from 'react'
import { Button } from '#app/components/ui/button'
import { PurposeSelect } from '#app/forms/purpose-select'
import { useMessage, useT } from '#app/i18n/provider'
import type { PurposeId } from '#app/forms/purposes'
import type { FormChoice } from '#app/pages/form-picker'
import type { EmptyFormBlockProblem } from '#app/pages/publish-check'
import { suggestFormPurpose } from '#app/pages/templates/index'

// What the editor shows when publishing was refused because a Form block has no form: each such block, by
// variant, with one-click fixes that also publish (attach a form, make one of a fitting purpose, or remove the
// block). The fixes run in editor.$pageId.form-blocks.ts; a fixed draft of the open variant goes back to the
// editor through onFixed, so the canvas shows it.

type FixResult =
  | { fixed: { key: string; draft: unknown }; publishedVersion: number; url: string }
  | { errors: { formErrors: string[] }; fixed?: { key: string; draft: unknown }; emptyFormBlocks?: EmptyFormBlockProblem[] }

export function PublishRefusal({
  pageId,
  blocks,
  forms,
  onFixed,
  onClose,
}: {
  pageId: string
  blocks: EmptyFormBlockProblem[]
  forms: readonly FormChoice[]
  onFixed: (fixed: { key: string; draft: unknown }) => void
  onClose: () => void
}) {
  const fetcher = useFetcher<FixResult>()
  const heading = useRef<HTMLHeadingElement>(null)
  const result = fetcher.state === 'idle' ? fetcher.data : undefined
  const t = useT()
  const translate = useMessage()
  useEffect(() => heading.current?.focus(), [])
  useEffect(() => {
    if (result?.fixed) onFixed(result.fixed)
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once per answer
  }, [result])

  if (result && 'publishedVersion' in result) {
    return (
      <div role="status" className="border-b border-green-200 bg-green-50 px-4 py-2 text-sm text-green-900" data-testid="publish-refusal">
        {t('pages.refusal.fixed', { number: result.publishedVersion })}{' '}
        <Link to={result.url} target="_blank" className="font-medium underline">
          {t('pages.refusal.viewLive')}
        </Link>{' '}
        <button type="button" onClick={onClose} className="ml-2 underline">
          {t('pages.refusal.dismiss')}
        </button>
      </div>
    )
  }
  const open = result && 'emptyFormBlocks' in result && result.emptyFormBlocks ? result.emptyFormBlocks : blocks
  const busy = fetcher.state !== 'idle'
  return (
    <section role="alert" aria-labelledby="publish-refusal-title" className="border-b border-red-200 bg-red-50 px-4 py-3 text-sm text-red-900" data-testid="publish-refusal">
      <h2 id="publish-refusal-title" ref={heading} tabIndex={-1} className="font-semibold">
        {t('pages.refusal.title', { count: open.length })}
      </h2>
      {result && !('emptyFormBlocks' in result) ? <p className="mt-1">{result.errors.formErrors.map((e) => translate(e)).join(' ')}</p> : null}
      <ul className="mt-2 grid gap-3">
        {open.map((block) => (
          <BlockFixes
            key={`${block.variant}:${block.blockId}`}
            block={block}
            forms={forms}
            busy={busy}
            submit={(values) => fetcher.submit({ ...values, key: block.variant, blockId: block.blockId }, { method: 'post', action: `/editor/${pageId}/form-blocks` })}
          />
        ))}
      </ul>
    </section>
  )
}

function BlockFixes({ block, forms, busy, submit }: { block: EmptyFormBlockProblem; forms: readonly FormChoice[]; busy: boolean; submit: (values: Record<string, string>) => void }) {
  const suggested = suggestFormPurpose(block.blockId)
  const [purpose, setPurpose] = useState<PurposeId>(suggested)
  const [formId, setFormId] = useState(forms.find((f) => f.definition.purpose === suggested)?.id ?? forms[0]?.id ?? '')
  const id = `fix-${block.variant}-${block.blockId}`
  const t = useT()
  return (
    <li className="rounded-md bg-white p-3 ring-1 ring-red-200">
      <p>{t('pages.refusal.block', { variant: block.variant, hasHeading: block.heading ? 'yes' : 'no', heading: block.heading, path: block.path })}</p>
      <div className="mt-2 flex flex-wrap items-center gap-2">
        {forms.length ? (
          <span className="flex flex-wrap items-center gap-2">
            <label htmlFor={`${id}-form`}>{t('leads.filters.form')}</label>
            <select id={`${id}-form`} value={formId} onChange={(e) => setFormId(e.currentTarget.value)} className="rounded-md border-slate-300 py-1 text-sm">
              {forms.map((f) => (
                <option key={f.id} value={f.id}>
                  {f.name} ({t('pages.refusal.conversionType', { type: f.conversionType })})
                </option>
              ))}
            </select>
            <Button type="button" disabled={busy} onClick={() => submit({ intent: 'attach', formId })}>
              {t('pages.refusal.attach')}
            </Button>
          </span>
        ) : null}
        <span className="flex flex-wrap items-center gap-2">
          <label htmlFor={`${id}-purpose`}>{t('pages.refusal.newFormFor')}</label>
          <PurposeSelect id={`${id}-purpose`} value={purpose} onChange={setPurpose} />
          <Button type="button" variant={forms.length ? 'secondary' : 'primary'} disabled={busy} onClick={() => submit({ intent: 'create', purpose })}>
            {t('pages.refusal.create')}
          </Button>
        </span>
        <Button type="button" variant="danger" disabled={busy} onClick={() => submit({ intent: 'remove' })}>
          {t('pages.refusal.remove')}
        </Button>
      </div>
    </li>
  )
}
