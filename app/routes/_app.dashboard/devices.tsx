import type { Device } from '#app/attribution/device'
import { Card } from '#app/components/ui/card'
import { useT } from '#app/i18n/provider'
import type { DeviceKpi, KpiReport } from '#app/kpis/shape'
import { KpiTable, RowHeader } from './kpi-table'
import { KpiCell, KpiChange, KpiNumber } from './kpi-value'

/** Mobile at a glance, then visitors, bounce rate, leads and conversion rate per device type. */
const DEVICE_KEYS: Record<Device, string> = { mobile: 'dashboard.device.mobile', tablet: 'dashboard.device.tablet', desktop: 'dashboard.device.desktop' }
const deviceKey = (device: Device) => DEVICE_KEYS[device]

export function Devices({ devices, mobile }: { devices: DeviceKpi[]; mobile: KpiReport['mobile'] }) {
  const t = useT()
  return (
    <Card title={t('dashboard.devices.title')} description={t('dashboard.devices.description')}>
      <dl className="mb-4 grid grid-cols-2 gap-3">
        <div className="rounded-md bg-slate-50 p-3" data-testid="mobile-share">
          <dt className="text-xs font-medium text-slate-600">{t('dashboard.devices.mobileShare')}</dt>
          <dd className="text-lg font-semibold">
            <KpiNumber kpi={mobile.share} kind="rate" />
          </dd>
          <dd>
            <KpiChange kpi={mobile.share} kind="rate" polarity="neutral" />
          </dd>
        </div>
        <div className="rounded-md bg-slate-50 p-3" data-testid="mobile-leads">
          <dt className="text-xs font-medium text-slate-600">{t('dashboard.devices.mobileLeads')}</dt>
          <dd className="text-lg font-semibold">
            <KpiNumber kpi={mobile.leads} kind="count" label={t('dashboard.devices.mobileLeadsLabel')} />
          </dd>
          <dd>
            <KpiChange kpi={mobile.leads} kind="count" />
          </dd>
        </div>
      </dl>
      <KpiTable
        label={t('dashboard.devices.title')}
        data-testid="devices"
        columns={[
          t('dashboard.columns.device'),
          t('dashboard.columns.visitors'),
          t('dashboard.columns.share'),
          t('dashboard.columns.bounceRate'),
          t('dashboard.columns.leads'),
          t('dashboard.columns.conversions'),
          t('dashboard.columns.conversionRate'),
        ]}
      >
        {devices.map((d) => (
          <tr key={d.device} data-device={d.device}>
            <RowHeader>{t(deviceKey(d.device))}</RowHeader>
            <KpiCell kpi={d.visitors} kind="count" />
            <KpiCell kpi={d.share} kind="rate" polarity="neutral" />
            <KpiCell kpi={d.bounceRate} kind="rate" polarity="down" />
            <KpiCell kpi={d.leads} kind="count" label={t('dashboard.devices.leadsFrom', { device: t(deviceKey(d.device)) })} />
            <KpiCell kpi={d.conversions} kind="count" label={t('dashboard.devices.conversionsOn', { device: t(deviceKey(d.device)) })} />
            <KpiCell kpi={d.conversionRate} kind="rate" />
          </tr>
        ))}
      </KpiTable>
    </Card>
  )
}
