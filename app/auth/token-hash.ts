import { createHash } from 'node:crypto'

// Every secret the app hands out by cookie or link (sessions, invites, password-reset and verification links) is
// stored only as this hash: a leaked table hands out nothing that works. The tokens are 24–32 random bytes, so a
// plain SHA-256 (no salt, no stretching) is enough: there is nothing to guess.
export const hashToken = (token: string) => createHash('sha256').update(token).digest('base64url')
