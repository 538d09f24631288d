import { Form } from '@remix-run/react'
import { Button } from '#app/components/ui/button'
import { Card } from '#app/components/ui/card'
import { Field } from '#app/components/ui/field'
import type { FormErrors } from '#app/http/form-data.server'
import { useLanguage, useMessage, useT } from '#app/i18n/provider'
import { translateBlockText } from '#app/pages/editor-words'
import { SlugField } from '#app/pages/slug-field'
import { visitorLanguageName, VISITOR_LOCALES } from '#app/visitor-language/locales'
import type { PageSettings } from '#db/schema'

type Props = {
  page: { id: string; name: string; slug: string; locale: string; settings: PageSettings }
  fonts: { id: string; label: string }[]
  errors?: FormErrors
  canEdit: boolean
  saved: boolean
}

/** Page-level settings, shared by every variant: what search engines and social cards show, and the theme. */
export function SettingsForm({ page, fonts, errors, canEdit, saved }: Props) {
  const s = page.settings
  const error = (name: string) => errors?.fieldErrors[name]?.[0]
  const t = useT()
  const reader = useLanguage()
  const translate = useMessage()
  return (
    <Card title={t('pageSettings.settings.title')} description={t('pageSettings.settings.description')}>
      {canEdit ? (
        <Form method="post" className="mb-5 flex items-end gap-2 border-b border-slate-100 pb-5">
          <input type="hidden" name="intent" value="rename" />
          <Field label={t('pageSettings.settings.name')} name="name" defaultValue={page.name} maxLength={120} error={error('name')} className="flex-1" />
          <Button variant="secondary">{t('pageSettings.rename')}</Button>
        </Form>
      ) : null}
      <Form method="post" className="grid gap-4 md:grid-cols-2">
        <input type="hidden" name="intent" value="settings" />
        <fieldset disabled={!canEdit} className="contents">
          <Field label={t('pageSettings.settings.pageTitle')} name="title" defaultValue={s.title} maxLength={120} error={error('title')} hint={t('pageSettings.settings.pageTitleHint')} />
          <SlugField defaultValue={page.slug} pageId={page.id} error={error('slug')} />
          <div className="md:col-span-2">
            <label htmlFor="page-locale" className="block text-sm font-medium text-slate-700">
              {t('pageSettings.settings.language')}
            </label>
            <select id="page-locale" name="locale" defaultValue={page.locale} aria-describedby="page-locale-hint" className="mt-1 block w-full rounded-md px-3 py-2 ring-1 ring-slate-300 md:w-1/2">
              {/* A tag set through the API with a region (de-AT) stays selectable as it is. */}
              {(VISITOR_LOCALES as readonly string[]).includes(page.locale) ? null : <option value={page.locale}>{page.locale}</option>}
              {VISITOR_LOCALES.map((locale) => (
                <option key={locale} value={locale}>
                  {visitorLanguageName(locale, reader)}
                </option>
              ))}
            </select>
            <p id="page-locale-hint" className="mt-1 text-sm text-slate-500">
              {t('pageSettings.settings.languageHint')}
            </p>
            {error('locale') ? <p className="mt-1 text-sm text-red-700">{translate(error('locale'))}</p> : null}
          </div>
          <div className="md:col-span-2">
            <label htmlFor="page-description" className="block text-sm font-medium text-slate-700">
              {t('pageSettings.settings.metaDescription')}
            </label>
            <textarea id="page-description" name="description" defaultValue={s.description} maxLength={300} rows={2} className="mt-1 block w-full rounded-md px-3 py-2 ring-1 ring-slate-300" />
          </div>
          <Field label={t('pageSettings.settings.socialImage')} name="socialImage" defaultValue={s.socialImage} error={error('socialImage')} placeholder="https://…" />
          <Field label={t('pageSettings.settings.favicon')} name="favicon" defaultValue={s.favicon} error={error('favicon')} placeholder={t('pageSettings.settings.faviconPlaceholder')} />
          <label className="flex items-center gap-2 text-sm font-medium text-slate-700 md:col-span-2">
            <input type="checkbox" name="noindex" defaultChecked={s.noindex} /> {t('pageSettings.settings.noindex')}
          </label>
          <Field label={t('pageSettings.settings.brandColour')} name="brandColor" type="color" defaultValue={s.theme.brandColor} error={error('brandColor')} className="[&_input]:h-10 [&_input]:p-1" />
          <div>
            <label htmlFor="page-font" className="block text-sm font-medium text-slate-700">
              {t('pageSettings.settings.font')}
            </label>
            <select id="page-font" name="font" defaultValue={s.theme.font} className="mt-1 block w-full rounded-md px-3 py-2 ring-1 ring-slate-300">
              {fonts.map((f) => (
                <option key={f.id} value={f.id}>
                  {translateBlockText(f.label, t)}
                </option>
              ))}
            </select>
          </div>
          <Field
            label={t('pageSettings.settings.logo')}
            name="logo"
            defaultValue={s.theme.logo}
            error={error('logo')}
            placeholder={t('pageSettings.settings.logoPlaceholder')}
            className="md:col-span-2"
          />
          {canEdit ? (
            <div>
              <Button>{t('pageSettings.settings.save')}</Button>
            </div>
          ) : null}
          {saved ? (
            <p role="status" className="text-sm text-green-700">
              {t('pageSettings.settings.saved')}
            </p>
          ) : null}
        </fieldset>
      </Form>
    </Card>
  )
}
