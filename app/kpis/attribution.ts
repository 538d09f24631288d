import { CHANNELS, type Channel } from '#app/attribution/channel'
import type { AttributionModel } from '#app/kpis/shape'

// Crediting leads, customers and revenue to channels.
//
// A lead's journey is its recorded touches in time order: the visitor's first touch, then the touch of each of
// its conversions (the visit's source when it converted) up to the moment being credited: its first
// conversion for the lead, the win for a customer and its revenue. A touch that repeats the one before it (same
// channel, UTM source, medium and campaign, and referrer: a visitor coming back the same way, or the first visit
// converting) counts once.
//
//   first  → the journey's first touch gets all the credit
//   last   → its last touch gets all of it
//   linear → every touch gets an equal share (1/n each; a channel that appears twice gets 2/n)

export type Touch = { channel: string; utmSource?: string | null; utmMedium?: string | null; utmCampaign?: string | null; referrer?: string | null }

const sameSource = (a: Touch, b: Touch) =>
  a.channel === b.channel &&
  (a.utmSource ?? null) === (b.utmSource ?? null) &&
  (a.utmMedium ?? null) === (b.utmMedium ?? null) &&
  (a.utmCampaign ?? null) === (b.utmCampaign ?? null) &&
  (a.referrer ?? null) === (b.referrer ?? null)

/** The journey's channels, a touch repeating the one before it dropped. */
export function journeyChannels(touches: readonly Touch[]): string[] {
  const kept: Touch[] = []
  for (const touch of touches) if (!kept.length || !sameSource(kept.at(-1)!, touch)) kept.push(touch)
  return kept.map((t) => t.channel)
}

/** Each channel's share of one journey's credit under `model`; the shares add up to 1 (nothing for an empty journey). */
export function creditShares(channels: readonly string[], model: AttributionModel): Map<string, number> {
  const shares = new Map<string, number>()
  if (channels.length === 0) return shares
  if (model === 'first') shares.set(channels[0]!, 1)
  else if (model === 'last') shares.set(channels.at(-1)!, 1)
  else for (const channel of channels) shares.set(channel, (shares.get(channel) ?? 0) + 1 / channels.length)
  return shares
}

/** Journeys (grouped: the same channels, with how many leads, customers and how much revenue share them). */
export type JourneyGroup = { channels: readonly string[]; leads: number; customers: number; revenue: number }
export type Credit = { channel: Channel; leads: number; customers: number; revenue: number }

/** Credit per channel, all six in CHANNELS order; an unknown channel name counts as direct. */
export function attribute(journeys: readonly JourneyGroup[], model: AttributionModel): Credit[] {
  const totals = new Map<Channel, Credit>(CHANNELS.map((channel) => [channel, { channel, leads: 0, customers: 0, revenue: 0 }]))
  for (const journey of journeys) {
    for (const [name, share] of creditShares(journey.channels, model)) {
      const credit = totals.get((CHANNELS as readonly string[]).includes(name) ? (name as Channel) : 'direct')!
      credit.leads += journey.leads * share
      credit.customers += journey.customers * share
      credit.revenue += journey.revenue * share
    }
  }
  return [...totals.values()]
}
