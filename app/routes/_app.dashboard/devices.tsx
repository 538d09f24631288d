import { DEVICE_LABELS } from '#app/attribution/device'
import { Card } from '#app/components/ui/card'
import type { DeviceKpi, KpiReport } from '#app/kpis/shape'
import { KpiTable, RowHeader } from './kpi-table'
import { KpiCell, KpiChange, KpiNumber } from './kpi-value'

/** Mobile at a glance, then visitors, bounce rate, leads and conversion rate per device type. */
export function Devices({ devices, mobile }: { devices: DeviceKpi[]; mobile: KpiReport['mobile'] }) {
  return (
    <Card title="Mobile and devices" description="Device of the first page view of each visit; leads by the device of their first conversion.">
      <dl className="mb-4 grid grid-cols-2 gap-3">
        <div className="rounded-md bg-slate-50 p-3" data-testid="mobile-share">
          <dt className="text-xs font-medium text-slate-600">Mobile share of visitors</dt>
          <dd className="text-lg font-semibold">
            <KpiNumber kpi={mobile.share} kind="rate" />
          </dd>
          <dd>
            <KpiChange kpi={mobile.share} kind="rate" polarity="neutral" />
          </dd>
        </div>
        <div className="rounded-md bg-slate-50 p-3" data-testid="mobile-leads">
          <dt className="text-xs font-medium text-slate-600">Leads from mobile</dt>
          <dd className="text-lg font-semibold">
            <KpiNumber kpi={mobile.leads} kind="count" label="leads from mobile" />
          </dd>
          <dd>
            <KpiChange kpi={mobile.leads} kind="count" />
          </dd>
        </div>
      </dl>
      <KpiTable label="Mobile and devices" data-testid="devices" columns={['Device', 'Visitors', 'Share', 'Bounce rate', 'Leads', 'Conversions', 'Conversion rate']}>
        {devices.map((d) => (
          <tr key={d.device} data-device={d.device}>
            <RowHeader>{DEVICE_LABELS[d.device]}</RowHeader>
            <KpiCell kpi={d.visitors} kind="count" />
            <KpiCell kpi={d.share} kind="rate" polarity="neutral" />
            <KpiCell kpi={d.bounceRate} kind="rate" polarity="down" />
            <KpiCell kpi={d.leads} kind="count" label={`leads from ${DEVICE_LABELS[d.device]}`} />
            <KpiCell kpi={d.conversions} kind="count" label={`conversions on ${DEVICE_LABELS[d.device]}`} />
            <KpiCell kpi={d.conversionRate} kind="rate" />
          </tr>
        ))}
      </KpiTable>
    </Card>
  )
}
