import { useFetcher } from '@remix-run/react'
import { useEffect, useRef, useState } from 'react'
import { Field } from '#app/components/ui/field'
import { useT } from '#app/i18n/provider'
import type { loader as slugCheckLoader } from '#app/routes/pages.slug-check'

/** A slug input that says whether the slug is free while you type (and still works without JavaScript). */
export function SlugField({ defaultValue = '', error, pageId, suggestFrom }: { defaultValue?: string; error?: string; pageId?: string; suggestFrom?: string }) {
  const check = useFetcher<typeof slugCheckLoader>()
  const [value, setValue] = useState(defaultValue)
  const [touched, setTouched] = useState(Boolean(defaultValue))
  const timer = useRef<ReturnType<typeof setTimeout>>()
  const slug = touched ? value : slugify(suggestFrom ?? '')
  useEffect(() => {
    if (!slug) return
    clearTimeout(timer.current)
    timer.current = setTimeout(() => check.load(`/pages/slug-check?${new URLSearchParams({ slug, ...(pageId ? { page: pageId } : {}) })}`), 250)
    return () => clearTimeout(timer.current)
    // check.load is stable enough for this; re-run only when the slug changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [slug, pageId])
  const status = slug && check.data ? check.data : null
  const t = useT()
  return (
    <div>
      <Field
        label={t('pages.slug.label')}
        name="slug"
        value={slug}
        onChange={(e) => {
          setTouched(true)
          setValue(e.currentTarget.value.toLowerCase())
        }}
        hint={t('pages.slug.hint')}
        error={error ?? (status && !status.available ? status.message : undefined)}
        autoComplete="off"
      />
      {status?.available ? (
        <p role="status" className="mt-1 text-xs text-green-700">
          {t('pages.slug.available', { path: `/p/${slug}` })}
        </p>
      ) : null}
    </div>
  )
}

export function slugify(text: string) {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '')
}
