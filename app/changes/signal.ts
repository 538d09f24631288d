// Domain writers say what they changed, once it is committed; the in-memory caches that depend on it subscribe
// and forget their copy. A writer never imports a cache, and a new cache needs no writer to learn its name.
//
// In process only, called synchronously: the process that made a change serves it from its next request.
// Other processes learn nothing from here; each cache re-reads PostgreSQL on its own after a short time
// (1 s: REVALIDATE_MS in app/published/cache.server.ts and app/conversions/conversion-context.server.ts).

export type Change =
  /** A page was published, reverted, renamed or archived: what its slug (the slug before a rename) serves. */
  | { kind: 'page'; slug: string }
  /** An experiment on the page at `pageSlug` was started, paused, stopped, shipped or re-weighted. */
  | { kind: 'experiment'; pageSlug: string }
  /** A form was saved or archived. */
  | { kind: 'form'; id: string }
  /** A workspace's webhooks were added, paused, resumed or deleted. */
  | { kind: 'webhooks'; workspaceId: string }
  /** A workspace's privacy settings (mode, banner, cookie lifetime) were saved: every page of it serves them. */
  | { kind: 'privacy'; workspaceId: string }
  /** A workspace's lead-score rules were saved. */
  | { kind: 'score-rules'; workspaceId: string }
  /** Mail was queued and committed: this process's mail worker sends it now rather than at its next poll. */
  | { kind: 'mail' }

type Listener = (change: Change) => void
const listeners = new Set<Listener>()

/** After a commit: tells every subscribed cache in this process what changed. */
export function changed(change: Change) {
  for (const listener of listeners) listener(change)
}

/** Subscribes a cache; returns the call that unsubscribes it. */
export function onChange(listener: Listener): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}
