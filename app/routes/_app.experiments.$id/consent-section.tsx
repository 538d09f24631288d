import { formatCount, formatPercent, formatPValueStatement } from '#app/components/format'
import { Card } from '#app/components/ui/card'
import type { ExperimentConsent } from '#app/experiments/results/consent'

/**
 * Each variant's consent rate over the experiment's days, what was counted cookieless, and the warning when the
 * rates differ significantly (app/experiments/results/consent.ts). Nothing when no view was asked or counted
 * cookieless (a workspace in cookies mode).
 */
export function ConsentSection({ consent }: { consent: ExperimentConsent }) {
  const isAsked = consent.variants.some((v) => v.views > 0)
  if (!isAsked && !consent.variants.some((v) => v.cookieless > 0)) return null
  return (
    <Card
      title="Consent"
      description="Of the views the banner asked about (views in consent mode), the share whose visitor had accepted cookies; and the views counted without cookies, per variant, over the experiment's days."
    >
      {consent.consentRateWarning ? (
        <p role="status" data-testid="consent-warning" className="mb-3 rounded-md bg-amber-50 p-3 text-sm text-amber-900">
          <span aria-hidden>⚠ </span>
          {consent.consentRateWarning}
        </p>
      ) : null}
      <table className="w-full text-left text-sm" data-testid="consent-table">
        <thead className="text-slate-500">
          <tr>
            <th className="py-2 pr-4 font-medium">Variant</th>
            {isAsked ? (
              <>
                <th className="py-2 pr-4 font-medium">Views asked</th>
                <th className="py-2 pr-4 font-medium">Consented</th>
                <th className="py-2 pr-4 font-medium">Consent rate</th>
              </>
            ) : null}
            <th className="py-2 pr-4 font-medium">Counted cookieless</th>
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
                  <td className="py-2 pr-4 tabular-nums">{formatCount(v.views)}</td>
                  <td className="py-2 pr-4 tabular-nums">{formatCount(v.consented)}</td>
                  <td className="py-2 pr-4 tabular-nums">{v.rate === null ? 'Not asked' : formatPercent(v.rate, 1)}</td>
                </>
              ) : null}
              <td className="py-2 pr-4 tabular-nums">{formatCount(v.cookieless)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="mt-2 text-xs text-slate-600" data-testid="consent-test">
        {!isAsked
          ? 'Not asked: the page served these views without a banner (cookieless mode), so there is no consent rate.'
          : consent.pValue === null
            ? 'Too few views asked to compare the variants’ consent rates yet.'
            : consent.consentRateWarning
              ? `The rates differ more than chance explains (${formatPValueStatement(consent.pValue)}).`
              : `The variants’ consent rates agree (${formatPValueStatement(consent.pValue)}): the variants do not change who is counted with cookies.`}
      </p>
    </Card>
  )
}
