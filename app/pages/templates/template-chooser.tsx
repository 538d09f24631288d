import { Link } from '@remix-run/react'
import { useT } from '#app/i18n/provider'
import { TEMPLATE_LOCALES, type TemplateLocale } from '#app/pages/templates/locales'

// The admin's words about each template, in the reader's language (the template's own name stays in its language).
const DESCRIPTION_KEYS: Record<string, string> = {
  webinar: 'pages.templates.descriptions.webinar',
  whitepaper: 'pages.templates.descriptions.whitepaper',
  demo: 'pages.templates.descriptions.demo',
  quote: 'pages.templates.descriptions.quote',
  blank: 'pages.templates.descriptions.blank',
  'webinar-sv': 'pages.templates.descriptions.webinarSv',
  'whitepaper-sv': 'pages.templates.descriptions.whitepaperSv',
  'demo-sv': 'pages.templates.descriptions.demoSv',
  'quote-sv': 'pages.templates.descriptions.quoteSv',
  'webinar-da': 'pages.templates.descriptions.webinarDa',
  'whitepaper-da': 'pages.templates.descriptions.whitepaperDa',
  'demo-da': 'pages.templates.descriptions.demoDa',
  'quote-da': 'pages.templates.descriptions.quoteDa',
}

export type TemplateChoice = { id: string; name: string; description: string; conversion: 'soft' | 'hard' | null; locale: TemplateLocale }

/**
 * The new-page form's template radios, grouped by language (English first), with links that show one language
 * only. The filter is the page's `?language=`: links, not inputs, so it works without JavaScript, never posts
 * with the form, and keeps the radios one group for the arrow keys.
 */
export function TemplateChooser({ templates, language }: { templates: readonly TemplateChoice[]; language: TemplateLocale | null }) {
  const groups = TEMPLATE_LOCALES.map((locale) => ({ ...locale, templates: templates.filter((t) => t.locale === locale.id) })).filter((group) => group.templates.length)
  const firstId = groups[0]?.templates[0]?.id
  const t = useT()
  const filters = [{ id: null, name: t('pages.templates.allLanguages') }, ...TEMPLATE_LOCALES.map((locale) => ({ ...locale, name: t('pages.templates.language', { locale: locale.id }) }))]
  return (
    <fieldset className="md:col-span-2">
      <legend className="text-sm font-medium text-slate-700">{t('pages.templates.legend')}</legend>
      <nav aria-label={t('pages.templates.languageFilter')} className="mt-2">
        <ul className="flex flex-wrap gap-2 text-sm">
          {filters.map((filter) => {
            const isCurrent = filter.id === language
            return (
              <li key={filter.id ?? 'all'}>
                <Link
                  to={{ search: filter.id ? `?language=${filter.id}` : '' }}
                  preventScrollReset
                  replace
                  aria-current={isCurrent ? 'true' : undefined}
                  className={`inline-block rounded-full px-3 py-1 ring-1 ${isCurrent ? 'bg-brand-700 text-white ring-brand-700' : 'text-slate-700 ring-slate-300 hover:bg-slate-50'}`}
                >
                  {filter.name}
                </Link>
              </li>
            )
          })}
        </ul>
      </nav>
      {groups.map((group) => (
        <div key={group.id} role="group" aria-labelledby={`templates-${group.id}`} className="mt-4" data-testid="template-group">
          <h3 id={`templates-${group.id}`} className="text-sm font-medium text-slate-600">
            {t('pages.templates.language', { locale: group.id })}
          </h3>
          <div className="mt-2 grid gap-3 sm:grid-cols-2 lg:grid-cols-5">
            {group.templates.map((template) => (
              <label key={template.id} className="flex cursor-pointer flex-col rounded-lg p-3 ring-1 ring-slate-200 has-[:checked]:ring-2 has-[:checked]:ring-brand-600">
                <span className="flex items-center gap-2 font-medium">
                  <input type="radio" name="template" value={template.id} defaultChecked={template.id === firstId} />
                  {/* A Swedish or Danish template's name is in its language: marked, so screen readers say it right. */}
                  <span lang={template.locale}>{template.name}</span>
                </span>
                <span className="mt-1 text-xs text-slate-500">{DESCRIPTION_KEYS[template.id] ? t(DESCRIPTION_KEYS[template.id]!) : template.description}</span>
                {template.conversion ? <span className="mt-2 w-fit rounded bg-slate-100 px-1.5 py-0.5 text-xs">{t('leads.detail.conversionType', { type: template.conversion })}</span> : null}
              </label>
            ))}
          </div>
        </div>
      ))}
    </fieldset>
  )
}
