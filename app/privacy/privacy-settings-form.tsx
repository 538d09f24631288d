import { forwardRef, useId } from 'react'
import { Button } from '#app/components/ui/button'
import { Card } from '#app/components/ui/card'
import { Field, FieldFrame, FormErrorList } from '#app/components/ui/field'
import { useZodForm } from '#app/components/zod-form'
import type { FormErrors } from '#app/http/form-data.server'
import { useLanguage, useMessage, useT } from '#app/i18n/provider'
import { attributeLines } from '#app/privacy/cmp'
import { BANNER_TEXT_LIMITS, BANNER_TEXT_PARTS, bannerFieldName, COOKIE_DAYS, PrivacyFormSchema, RETENTION_MONTHS, type BannerTextPart } from '#app/privacy/schema'
import type { PrivacySettings } from '#app/privacy/settings'
import { visitorLanguageName, VISITOR_LOCALES } from '#app/visitor-language/locales'
import type { PrivacyMode } from '#db/enums'

// Settings → General → Privacy (issue 19): the workspace's mode, the banner and its wording, how long the choice
// and raw page views are kept. Owners edit; everyone else reads. The action is the General screen's (intent=privacy).

/** Each piece of the catalogue's banner wording, by page language: what an empty field means. */
export type BannerDefaults = Record<string, Record<BannerTextPart, string>>

const MODES: { mode: PrivacyMode; label: string; hint: string }[] = [
  { mode: 'consent', label: 'privacySettings.modeConsent', hint: 'privacySettings.modeConsentHint' },
  { mode: 'cookieless', label: 'privacySettings.modeCookieless', hint: 'privacySettings.modeCookielessHint' },
  { mode: 'cookies', label: 'privacySettings.modeCookies', hint: 'privacySettings.modeCookiesHint' },
]
const PART_LABELS: Record<BannerTextPart, string> = {
  title: 'privacySettings.wordingTitle',
  body: 'privacySettings.wordingBody',
  accept: 'privacySettings.wordingAccept',
  reject: 'privacySettings.wordingReject',
}

type Props = { privacy: PrivacySettings; bannerDefaults: BannerDefaults; isOwner: boolean; errors?: FormErrors; isSaved: boolean }

export function PrivacySettingsForm({ privacy, bannerDefaults, isOwner, errors, isSaved }: Props) {
  const t = useT()
  const reader = useLanguage()
  const translate = useMessage()
  const { form, onSubmit, errorFor, isSubmitting, Form } = useZodForm(PrivacyFormSchema, errors)
  const modeError = errorFor('mode')
  // The wording fields are made from the language list, so their names are not in the schema's static type.
  const registerText = form.register as (name: string) => ReturnType<typeof form.register>
  return (
    <Card title={t('privacySettings.title')} description={t('privacySettings.description')}>
      <Form method="post" onSubmit={onSubmit} noValidate className="max-w-2xl space-y-5" aria-label={t('privacySettings.title')}>
        <input type="hidden" name="intent" value="privacy" />
        <FormErrorList errors={errors?.formErrors} />
        <fieldset disabled={!isOwner} aria-describedby={modeError ? 'privacy-mode-error' : undefined}>
          <legend className="text-sm font-medium text-slate-700">{t('privacySettings.mode')}</legend>
          <div className="mt-2 space-y-3">
            {MODES.map(({ mode, label, hint }) => (
              <div key={mode} className="flex gap-3">
                <input
                  id={`privacy-mode-${mode}`}
                  type="radio"
                  value={mode}
                  defaultChecked={privacy.mode === mode}
                  aria-describedby={`privacy-mode-${mode}-hint`}
                  className="mt-1 h-4 w-4 text-brand-600 focus:ring-brand-600"
                  {...form.register('mode')}
                />
                <div>
                  <label htmlFor={`privacy-mode-${mode}`} className="text-sm font-medium text-slate-900">
                    {t(label)}
                  </label>
                  <p id={`privacy-mode-${mode}-hint`} className="text-xs text-slate-600">
                    {t(hint)}
                  </p>
                </div>
              </div>
            ))}
          </div>
          {modeError ? (
            <p id="privacy-mode-error" className="mt-1 text-sm text-red-600">
              {translate(modeError)}
            </p>
          ) : null}
        </fieldset>
        <div className="flex gap-3">
          <input
            id="privacy-banner"
            type="checkbox"
            defaultChecked={privacy.banner}
            disabled={!isOwner}
            aria-describedby="privacy-banner-hint"
            className="mt-1 h-4 w-4 rounded text-brand-600 focus:ring-brand-600"
            {...form.register('banner')}
          />
          <div>
            <label htmlFor="privacy-banner" className="text-sm font-medium text-slate-900">
              {t('privacySettings.banner')}
            </label>
            <p id="privacy-banner-hint" className="text-xs text-slate-600">
              {t('privacySettings.bannerHint')}
            </p>
          </div>
        </div>
        <div className="grid gap-4 sm:grid-cols-2">
          <Field
            label={t('privacySettings.cookieDays')}
            type="number"
            inputMode="numeric"
            min={COOKIE_DAYS.min}
            max={COOKIE_DAYS.max}
            defaultValue={privacy.cookieDays}
            disabled={!isOwner}
            hint={t('privacySettings.cookieDaysHint')}
            {...form.register('cookieDays')}
            error={errorFor('cookieDays')}
          />
          <Field
            label={t('privacySettings.retentionMonths')}
            type="number"
            inputMode="numeric"
            min={RETENTION_MONTHS.min}
            max={RETENTION_MONTHS.max}
            defaultValue={privacy.retentionMonths}
            disabled={!isOwner}
            hint={t('privacySettings.retentionMonthsHint')}
            {...form.register('retentionMonths')}
            error={errorFor('retentionMonths')}
          />
        </div>
        <Field
          label={t('privacySettings.policyUrl')}
          type="url"
          placeholder="https://example.com/privacy"
          defaultValue={privacy.policyUrl ?? ''}
          disabled={!isOwner}
          hint={t('privacySettings.policyUrlHint')}
          {...form.register('policyUrl')}
          error={errorFor('policyUrl')}
        />
        <details className="rounded-md border border-slate-200 p-3">
          <summary className="cursor-pointer text-sm font-medium text-slate-700">{t('privacySettings.wording')}</summary>
          <p className="mt-2 text-xs text-slate-600">{t('privacySettings.wordingHint')}</p>
          {VISITOR_LOCALES.map((language) => (
            <fieldset key={language} disabled={!isOwner} className="mt-4 grid gap-3 sm:grid-cols-2">
              <legend className="text-sm font-medium text-slate-800">{visitorLanguageName(language, reader)}</legend>
              {BANNER_TEXT_PARTS.map((part) => (
                <Field
                  key={part}
                  lang={language}
                  label={t(PART_LABELS[part])}
                  className={part === 'title' || part === 'body' ? 'sm:col-span-2' : ''}
                  maxLength={BANNER_TEXT_LIMITS[part]}
                  placeholder={bannerDefaults[language]?.[part]}
                  defaultValue={privacy.bannerText[language]?.[part] ?? ''}
                  {...registerText(bannerFieldName(language, part))}
                  error={errorFor(bannerFieldName(language, part))}
                />
              ))}
            </fieldset>
          ))}
        </details>
        <fieldset disabled={!isOwner} className="space-y-4 rounded-md border border-slate-200 p-3">
          <legend className="px-1 text-sm font-medium text-slate-700">{t('privacySettings.cmp')}</legend>
          <p className="text-xs text-slate-600">{t('privacySettings.cmpHint')}</p>
          <Field
            label={t('privacySettings.cmpScriptUrl')}
            type="url"
            placeholder="https://consent.cookiebot.com/uc.js"
            defaultValue={privacy.cmp?.scriptUrl ?? ''}
            hint={t('privacySettings.cmpScriptUrlHint')}
            {...form.register('cmpScriptUrl')}
            error={errorFor('cmpScriptUrl')}
          />
          <LinesField
            label={t('privacySettings.cmpAttributes')}
            hint={t('privacySettings.cmpAttributesHint')}
            defaultValue={attributeLines(privacy.cmp?.attributes)}
            error={errorFor('cmpAttributes')}
            {...form.register('cmpAttributes')}
          />
          <LinesField
            label={t('privacySettings.cmpOrigins')}
            hint={t('privacySettings.cmpOriginsHint')}
            defaultValue={(privacy.cmp?.origins ?? []).join('\n')}
            error={errorFor('cmpOrigins')}
            {...form.register('cmpOrigins')}
          />
        </fieldset>
        {isOwner ? <Button disabled={isSubmitting}>{t('privacySettings.save')}</Button> : <p className="text-sm text-slate-500">{t('privacySettings.ownersOnly')}</p>}
        {isSaved ? (
          <p role="status" className="text-sm text-green-700">
            {t('privacySettings.saved')}
          </p>
        ) : null}
      </Form>
    </Card>
  )
}

type LinesFieldProps = React.TextareaHTMLAttributes<HTMLTextAreaElement> & { label: string; hint: string; error?: string }

/** A labelled textarea of one entry a line, wired like Field (hint and error described, invalid marked). */
const LinesField = forwardRef<HTMLTextAreaElement, LinesFieldProps>(function LinesField({ label, hint, error, ...props }, ref) {
  const id = useId()
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error}>
      {(wiring) => (
        <textarea
          ref={ref}
          {...wiring}
          rows={3}
          spellCheck={false}
          className="mt-1 block w-full rounded-md border-0 px-3 py-2 font-mono text-sm text-slate-900 shadow-sm ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-brand-600 aria-[invalid]:ring-red-500"
          {...props}
        />
      )}
    </FieldFrame>
  )
})
