import { useT } from '#app/i18n/provider'
import type { PublishState } from '#app/pages/queries.server'
import type { VariantPublishState } from '#app/pages/publish-state.server'

const BADGE = {
  live: { label: 'pageSettings.publishState.live', style: 'bg-green-100 text-green-800' },
  changed: { label: 'pageSettings.publishState.changed', style: 'bg-amber-100 text-amber-900' },
  unpublished: { label: 'pageSettings.publishState.unpublished', style: 'bg-slate-100 text-slate-700' },
} as const satisfies Record<VariantPublishState, { label: string; style: string }>

/** Whether visitors get this variant's draft: live as it is, live in an older state, or not at all yet. */
export function PublishStateBadge({ state }: { state: VariantPublishState }) {
  const { label, style } = BADGE[state]
  const t = useT()
  return (
    <span className={`ml-2 rounded px-1.5 py-0.5 text-xs font-medium ${style}`} data-testid="publish-state" data-state={state}>
      {t(label)}
    </span>
  )
}

/** On a published page: what the next publish would change, so a live page's pending edits are never a surprise. */
export function UnpublishedChangesNote({ state, canEdit }: { state: PublishState; canEdit: boolean }) {
  const t = useT()
  if (!state.isPublished) return null
  const keys = Object.entries(state.variants)
    .filter(([, s]) => s !== 'live')
    .map(([key]) => key)
    .sort((a, b) => a.length - b.length || a.localeCompare(b))
  if (!keys.length && !state.settingsChanged) return null
  return (
    <p className="mb-4 rounded-md bg-amber-50 p-3 text-sm text-amber-900 ring-1 ring-amber-200" data-testid="unpublished-changes">
      {t('pageSettings.publishState.note', { variants: keys.length, keys: keys.join(', '), settings: state.settingsChanged ? 'yes' : 'no', canEdit: canEdit ? 'yes' : 'no' })}
    </p>
  )
}
