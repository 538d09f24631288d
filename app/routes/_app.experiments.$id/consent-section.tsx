import { formatCount, formatPercent, formatPValueStatement } from '#app/components/format'
import { Card } from '#app/components/ui/card'
import { consentRateExtremes, type ExperimentConsent } from '#app/experiments/results/consent'
import { useLanguage, useT } from '#app/i18n/provider'

/**
 * Each variant's consent rate over the experiment's days, what was counted cookieless, and the warning when the
 * rates differ significantly (app/experiments/results/consent.ts). Nothing when no view was asked or counted
 * cookieless (a workspace in cookies mode). The warning is said here in the reader's language; the API keeps its
 * English sentence.
 */
export function ConsentSection({ consent }: { consent: ExperimentConsent }) {
  const t = useT()
  const language = useLanguage()
  const isAsked = consent.variants.some((v) => v.views > 0)
  if (!isAsked && !consent.variants.some((v) => v.cookieless > 0)) return null
  const extremes = consent.consentRateWarning && consent.pValue !== null ? consentRateExtremes(consent.variants) : null
  const pValue = consent.pValue === null ? '' : formatPValueStatement(consent.pValue, language)
  return (
    <Card title={t('consentReport.results.title')} description={t('consentReport.results.description')}>
      {extremes ? (
        <p role="status" data-testid="consent-warning" className="mb-3 rounded-md bg-amber-50 p-3 text-sm text-amber-900">
          <span aria-hidden>⚠ </span>
          {t('consentReport.results.warning', {
            high: extremes.high.key,
            highRate: formatPercent(extremes.high.rate, 1, language),
            low: extremes.low.key,
            lowRate: formatPercent(extremes.low.rate, 1, language),
            pValue,
          })}
        </p>
      ) : null}
      <table className="w-full text-left text-sm" data-testid="consent-table">
        <thead className="text-slate-500">
          <tr>
            <th className="py-2 pr-4 font-medium">{t('consentReport.results.variant')}</th>
            {isAsked ? (
              <>
                <th className="py-2 pr-4 font-medium">{t('consentReport.results.viewsAsked')}</th>
                <th className="py-2 pr-4 font-medium">{t('consentReport.results.consented')}</th>
                <th className="py-2 pr-4 font-medium">{t('consentReport.results.consentRate')}</th>
              </>
            ) : null}
            <th className="py-2 pr-4 font-medium">{t('consentReport.results.cookieless')}</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {consent.variants.map((v) => (
            <tr key={v.key} data-testid="consent-row" data-variant={v.key}>
              <th scope="row" className="py-2 pr-4 font-medium">
                {v.key}
              </th>
              {isAsked ? (
                <>
                  <td className="py-2 pr-4 tabular-nums">{formatCount(v.views, 0, language)}</td>
                  <td className="py-2 pr-4 tabular-nums">{formatCount(v.consented, 0, language)}</td>
                  <td className="py-2 pr-4 tabular-nums">{v.rate === null ? t('consentReport.results.notAsked') : formatPercent(v.rate, 1, language)}</td>
                </>
              ) : null}
              <td className="py-2 pr-4 tabular-nums">{formatCount(v.cookieless, 0, language)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="mt-2 text-xs text-slate-600" data-testid="consent-test">
        {!isAsked
          ? t('consentReport.results.testNotAsked')
          : consent.pValue === null
            ? t('consentReport.results.testTooFew')
            : consent.consentRateWarning
              ? t('consentReport.results.testDiffer', { pValue })
              : t('consentReport.results.testAgree', { pValue })}
      </p>
    </Card>
  )
}
