import type { Channel } from '#app/attribution/channel'
import type { Device } from '#app/attribution/device'
import type { LeadSort } from '#app/leads/schema'
import type { LeadStage } from '#db/schema'

// The catalogue keys of the words the lead screens show for stored values (the English label maps beside each
// list stay what the API and the CSV write). Written out whole, so the catalogue check sees every key in use.

export const STAGE_KEYS = {
  lead: 'leads.stages.lead',
  mql: 'leads.stages.mql',
  sql: 'leads.stages.sql',
  opportunity: 'leads.stages.opportunity',
  customer: 'leads.stages.customer',
  lost: 'leads.stages.lost',
} as const satisfies Record<LeadStage, string>

export const CHANNEL_KEYS = {
  paid_search: 'leads.channels.paidSearch',
  organic_search: 'leads.channels.organicSearch',
  social: 'leads.channels.social',
  email: 'leads.channels.email',
  referral: 'leads.channels.referral',
  direct: 'leads.channels.direct',
} as const satisfies Record<Channel, string>

export const DEVICE_KEYS = { mobile: 'leads.devices.mobile', tablet: 'leads.devices.tablet', desktop: 'leads.devices.desktop' } as const satisfies Record<Device, string>

export const SORT_KEYS = { newest: 'leads.sorts.newest', last_conversion: 'leads.sorts.lastConversion', score: 'leads.sorts.score' } as const satisfies Record<LeadSort, string>

type Translate = (key: string, values?: Record<string, unknown>) => string

/** A stored channel in the reader's words; a value from before the channel list (or a new one) shows as stored. */
export function channelIn(t: Translate, channel: string) {
  return channel in CHANNEL_KEYS ? t(CHANNEL_KEYS[channel as Channel]) : channel
}

/** A stored device in the reader's words ("Mobil"), or as stored when it is none of the three. */
export function deviceIn(t: Translate, device: string) {
  return device in DEVICE_KEYS ? t(DEVICE_KEYS[device as Device]) : device
}
