import type { Device } from '#app/attribution/device'
import type { ViewConsent } from '#db/enums'
import { chance, type Random } from './visitors'

// The demo's visitors and the consent banner (decision 086): the demo workspace runs in consent mode, the default
// of every new workspace, and its history is what the server would have recorded under it. Each simulated visitor
// makes one choice on their first view, which was served before the choice (pending): accept (later views are
// granted and identified by the visitor's cookie from then on; nothing before is linked), reject (later views
// denied), or ignore the banner (every view pending). Views not granted are counted cookieless, each under a
// random id of its own, as the server counts them.
//
// The rates are those reported for Nordic and German B2B sites whose banner gives Accept and Reject equal weight
// (no dark patterns): roughly half to two thirds accept, more on desktop than on phones, and of the rest most
// reject rather than ignore. Equal for every variant: the demo's experiment does not change who consents.

export type ConsentChoice = 'accept' | 'reject' | 'ignore'

/** The share of visitors who accept, by device; of the others, the share who reject (the rest ignore the banner). */
export const DEMO_CONSENT = {
  accept: { desktop: 0.62, tablet: 0.55, mobile: 0.5 } satisfies Record<Device, number>,
  rejectOfRest: 0.7,
}
export type DemoConsent = typeof DEMO_CONSENT

export function drawConsentChoice(random: Random, device: Device, plan: DemoConsent): ConsentChoice {
  if (chance(random, plan.accept[device])) return 'accept'
  return chance(random, plan.rejectOfRest) ? 'reject' : 'ignore'
}

/** What the visitor's view number `index` (0: the first) knew of their choice. */
export function viewConsentOf(choice: ConsentChoice, index: number): ViewConsent {
  if (index === 0 || choice === 'ignore') return 'pending'
  return choice === 'accept' ? 'granted' : 'denied'
}
