import { DEVICE_LABELS } from '#app/attribution/device'
import { Card } from '#app/components/ui/card'
import type { DeviceKpi, KpiReport } from '#app/kpis/shape'
import { KpiCell, KpiChange, KpiNumber } from './kpi-value'

/** Mobile at a glance, then visitors, bounce rate, leads and conversion rate per device type. */
export function Devices({ devices, mobile }: { devices: DeviceKpi[]; mobile: KpiReport['mobile'] }) {
  return (
    <Card title="Mobile and devices" description="Device of the first page view of each visit; leads by the device of their first conversion.">
      <dl className="mb-4 grid grid-cols-2 gap-3">
        <div className="rounded-md bg-slate-50 p-3" data-testid="mobile-share">
          <dt className="text-xs font-medium text-slate-600">Mobile share of visitors</dt>
          <dd className="text-lg font-semibold"><KpiNumber kpi={mobile.share} kind="rate" /></dd>
          <dd><KpiChange kpi={mobile.share} kind="rate" polarity="neutral" /></dd>
        </div>
        <div className="rounded-md bg-slate-50 p-3" data-testid="mobile-leads">
          <dt className="text-xs font-medium text-slate-600">Leads from mobile</dt>
          <dd className="text-lg font-semibold"><KpiNumber kpi={mobile.leads} kind="count" label="leads from mobile" /></dd>
          <dd><KpiChange kpi={mobile.leads} kind="count" /></dd>
        </div>
      </dl>
      <div className="overflow-x-auto">
        <table className="w-full text-left text-sm" data-testid="devices">
          <thead className="text-slate-500">
            <tr>
              <th className="py-2 pr-4 font-medium">Device</th>
              <th className="py-2 pr-4 font-medium">Visitors</th>
              <th className="py-2 pr-4 font-medium">Share</th>
              <th className="py-2 pr-4 font-medium">Bounce rate</th>
              <th className="py-2 pr-4 font-medium">Leads</th>
              <th className="py-2 pr-4 font-medium">Conversions</th>
              <th className="py-2 pr-4 font-medium">Conversion rate</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {devices.map((d) => (
              <tr key={d.device} data-device={d.device}>
                <th scope="row" className="py-2 pr-4 text-left font-medium">{DEVICE_LABELS[d.device]}</th>
                <KpiCell kpi={d.visitors} kind="count" />
                <KpiCell kpi={d.share} kind="rate" polarity="neutral" />
                <KpiCell kpi={d.bounceRate} kind="rate" polarity="down" />
                <KpiCell kpi={d.leads} kind="count" label={`leads from ${DEVICE_LABELS[d.device]}`} />
                <KpiCell kpi={d.conversions} kind="count" label={`conversions on ${DEVICE_LABELS[d.device]}`} />
                <KpiCell kpi={d.conversionRate} kind="rate" />
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Card>
  )
}
