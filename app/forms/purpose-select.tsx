import { PURPOSE_KEYS } from '#app/forms/labels'
import { PURPOSES, type PurposeId } from '#app/forms/purposes'
import { useT } from '#app/i18n/provider'

/** A select of the form purposes, for the places that make a form of one: the Form block's picker and the publish refusal. */
export function PurposeSelect({ id, value, onChange }: { id: string; value: PurposeId; onChange: (purpose: PurposeId) => void }) {
  const t = useT()
  return (
    <select id={id} value={value} onChange={(e) => onChange(e.currentTarget.value as PurposeId)} className="rounded-md border-slate-300 py-1 text-sm">
      {PURPOSES.map((p) => (
        <option key={p.id} value={p.id}>
          {t(PURPOSE_KEYS[p.id].label)}
        </option>
      ))}
    </select>
  )
}
