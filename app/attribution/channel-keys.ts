import type { Channel } from '#app/attribution/channel'

/** A traffic channel's name in the admin's catalogue (CHANNEL_LABELS stays the English of the API and the CSVs). */
const CHANNEL_KEYS: Record<Channel, string> = {
  paid_search: 'dashboard.channel.paidSearch',
  organic_search: 'dashboard.channel.organicSearch',
  social: 'dashboard.channel.social',
  email: 'dashboard.channel.email',
  referral: 'dashboard.channel.referral',
  direct: 'dashboard.channel.direct',
}

export const channelKey = (channel: Channel) => CHANNEL_KEYS[channel]
