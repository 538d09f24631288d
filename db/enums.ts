// Plain constants shared by the schema and the browser: no drizzle import, so client code can use them.
export const roles = ['owner', 'editor', 'viewer'] as const
export type Role = (typeof roles)[number]

// How a workspace's published pages treat the visitor's device (issue 19, app/privacy/): `cookies` sets the visitor's
// cookies on the first view; `consent` sets them only once the visitor consents and counts the rest without any;
// `cookieless` never sets them.
export const privacyModes = ['consent', 'cookieless', 'cookies'] as const
export type PrivacyMode = (typeof privacyModes)[number]

/**
 * What a page view knew of the visitor's consent when it was served, stored with the view: `cookies` (the workspace
 * asks none, the visitor is identified), `granted` (consented, identified), `pending` (asked, no choice yet),
 * `denied` (refused), `cookieless` (the workspace never identifies). The last three were counted cookieless.
 */
export const viewConsents = ['cookies', 'granted', 'pending', 'denied', 'cookieless'] as const
export type ViewConsent = (typeof viewConsents)[number]
