export const DEVICES = ['mobile', 'tablet', 'desktop'] as const
export type Device = (typeof DEVICES)[number]

export const DEVICE_LABELS: Record<Device, string> = { mobile: 'Mobile', tablet: 'Tablet', desktop: 'Desktop' }

// Order matters: Kindle and Android tablets say "Android", Windows Phone says "Android" and "iPhone", and Android
// phones are told from tablets only by "Mobile" (Google's own rule for Android browsers).
// iPadOS 13+ Safari sends a Mac user agent by default; such iPads count as desktop, as the UA cannot tell them apart.
// "Tablet PC" is how old Windows laptops with a pen describe themselves.
const OTHER_TABLET = /PlayBook|Tablet(?! PC)/i
const OTHER_PHONE = /IEMobile|BlackBerry|BB10|Opera Mini|Mobi/i

/** mobile | tablet | desktop from a User-Agent header; empty or unknown (bots, TVs, curl) counts as desktop. */
export function classifyDevice(userAgent: string | null | undefined): Device {
  const ua = (userAgent ?? '').slice(0, 1000) // real user agents are well under this; bound the regex work
  if (/iPad/i.test(ua)) return 'tablet'
  if (/Windows Phone|iPhone|iPod/i.test(ua)) return 'mobile'
  if (/Kindle|Silk/i.test(ua)) return 'tablet'
  if (/Android/i.test(ua)) return /Mobile/i.test(ua) ? 'mobile' : 'tablet'
  if (OTHER_TABLET.test(ua)) return 'tablet'
  if (OTHER_PHONE.test(ua)) return 'mobile'
  return 'desktop'
}
