import type { PrivacySettingsJson } from '#db/schema'

// A workspace's privacy settings (issue 19): how its published pages treat the visitor's device. One reader, so
// a row written before a key existed reads that key's default.

export type PrivacySettings = Required<Pick<PrivacySettingsJson, 'mode' | 'banner' | 'cookieDays' | 'retentionMonths'>> & {
  policyUrl: string | null
  bannerText: NonNullable<PrivacySettingsJson['bannerText']>
  /** The site's own consent tool (decision 095), or null. */
  cmp: NonNullable<PrivacySettingsJson['cmp']> | null
}

export const DEFAULT_PRIVACY: PrivacySettings = { mode: 'consent', banner: true, cookieDays: 180, retentionMonths: 13, policyUrl: null, bannerText: {}, cmp: null }

/** What the stored settings mean, with defaults for whatever an older row lacks. */
export function readPrivacySettings(stored: Partial<PrivacySettingsJson> | null | undefined): PrivacySettings {
  return { ...DEFAULT_PRIVACY, ...stored, policyUrl: stored?.policyUrl ?? null, bannerText: stored?.bannerText ?? {}, cmp: stored?.cmp ?? null }
}
