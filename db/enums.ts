// Plain constants shared by the schema and the browser: no drizzle import, so client code can use them.
export const roles = ['owner', 'editor', 'viewer'] as const
export type Role = (typeof roles)[number]
