import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { z } from 'zod'
import { CSP_HOST } from '#app/privacy/cmp'

const OnOff = z.enum(['on', 'off'])

const EnvSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
      .optional(),
    DATA_DIR: z.string().min(1).default('./.data'),
    SESSION_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
    DEMO_API_KEY: z
      .string()
      .regex(/^[A-Za-z0-9_-]{24,128}$/, 'must be 24–128 characters of A–Z, a–z, 0–9, _ or -')
      .optional(),
    // Unset: the client IP is the socket's. "1" (or "true"): trust one proxy hop, i.e. the right-most
    // X-Forwarded-For entry, the one our own load balancer appended. N: trust N hops.
    TRUST_PROXY: z
      .string()
      .regex(/^(true|false|\d+)$/, 'must be true, false or a number of proxy hops')
      .optional(),
    RATE_LIMITS: OnOff.default('on'),
    // Password hashes (scrypt, ~0.4 s of a core each) run at once per process; unset: cores − 1, 1 to 4.
    PASSWORD_HASH_CONCURRENCY: z.coerce.number().int().min(1).max(64).optional(),
    SEED_DEMO: z.enum(['0', '1']).optional(),
    // 1: a browser asking for en-XA gets the admin in pseudo-localisation (app/i18n/pseudo.ts), for the e2e layout checks.
    PSEUDO_LOCALE: z.enum(['0', '1']).optional(),
    // Whether webhooks may go to loopback/private addresses (app/webhooks/target.server.ts). Unset: allowed
    // outside production only.
    WEBHOOK_PRIVATE_TARGETS: z.enum(['allow', 'deny']).optional(),
    // Whether a workspace's consent tool may load over http:// or from a loopback/private host (app/privacy/cmp.server.ts).
    // Unset: allowed outside production only (the e2e serves one from 127.0.0.1).
    CMP_PRIVATE_ORIGINS: z.enum(['allow', 'deny']).optional(),
    // Host suffixes a workspace's consent tool may load from besides the known vendors' (app/privacy/cmp-vendors.ts,
    // decision 097), comma-separated: `cmp.example.com` allows it and its subdomains. Unset: the vendors' only.
    CMP_ALLOWED_HOSTS: z
      .string()
      .transform((list) =>
        list
          .split(',')
          .map((host) => host.trim().toLowerCase())
          .filter(Boolean),
      )
      .pipe(z.array(z.string().regex(CSP_HOST, { error: (issue) => `must be host names separated by commas, e.g. cmp.example.com,consent.example.org; ${String(issue.input)} is not one` })))
      .default([]),
    // Unset: the embedded default, every mail kept in the database and shown under Settings → Email log (app/mail/).
    SMTP_URL: z
      .string()
      .regex(/^smtps?:\/\/[^/]/, 'must be an smtp:// or smtps:// URL, e.g. smtp://user:pass@mail.example.com:587')
      .optional(),
    MAIL_FROM: z
      .string()
      .regex(/^([^<>]*<)?[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+>?$/, 'must be an address, e.g. Splitform <no-reply@example.com>')
      .default('Splitform <no-reply@splitform.invalid>'),
    // The base of every link in a mail. Unset: http://localhost:PORT.
    // on: a new account gets a verification mail and cannot use the app until its link is opened (app/auth/).
    REQUIRE_EMAIL_VERIFICATION: OnOff.default('off'),
    APP_URL: z
      .url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL, e.g. https://splitform.example.com' })
      .transform((url) => url.replace(/\/+$/, ''))
      .optional(),
  })
  .superRefine((env, ctx) => {
    if (env.DATABASE_URL && !env.SESSION_SECRET && env.NODE_ENV === 'production') {
      ctx.addIssue({
        code: 'custom',
        path: ['SESSION_SECRET'],
        message: 'is required with DATABASE_URL (every app process must share it); e.g. `openssl rand -hex 32`',
      })
    }
  })

export type Env = z.infer<typeof EnvSchema> & { sessionSecret: string; trustProxyHops: number }

let cached: Env | undefined

/** process.env, parsed once; throws an Error whose message lists every bad variable. */
export function getEnv(): Env {
  cached ??= parseEnv(process.env)
  return cached
}

export function parseEnv(vars: Record<string, string | undefined>): Env {
  // An empty variable (`DATABASE_URL= npm start`) means unset, as in most tools.
  const values = Object.fromEntries(Object.entries(vars).filter(([, v]) => v !== ''))
  const result = EnvSchema.safeParse(values)
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join('.') || '(env)'}: ${i.message}`)
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`)
  }
  const env = result.data
  return {
    ...env,
    sessionSecret: env.SESSION_SECRET ?? loadOrCreateSecret(env.DATA_DIR),
    trustProxyHops: parseTrustProxy(env.TRUST_PROXY),
  }
}

export function allowsPrivateWebhookTargets() {
  const env = getEnv()
  return env.WEBHOOK_PRIVATE_TARGETS ? env.WEBHOOK_PRIVATE_TARGETS === 'allow' : env.NODE_ENV !== 'production'
}

export function allowsPrivateCmpOrigins() {
  const env = getEnv()
  return env.CMP_PRIVATE_ORIGINS ? env.CMP_PRIVATE_ORIGINS === 'allow' : env.NODE_ENV !== 'production'
}

/** The host suffixes the operator allows a consent tool to load from besides the known vendors' (CMP_ALLOWED_HOSTS). */
export function extraCmpHosts(): readonly string[] {
  return getEnv().CMP_ALLOWED_HOSTS
}

/** The base of every link in a mail, without a trailing slash. */
export function appUrl() {
  const env = getEnv()
  return env.APP_URL ?? `http://localhost:${env.PORT}`
}

export function isEmbeddedDatabase() {
  return !getEnv().DATABASE_URL
}

function parseTrustProxy(value: string | undefined) {
  if (!value || value === 'false') return 0
  if (value === 'true') return 1
  return Number(value)
}

// The embedded default keeps its secret beside its data, so sessions survive restarts with zero setup.
function loadOrCreateSecret(dataDir: string) {
  if (dataDir.startsWith('memory://')) return randomBytes(32).toString('hex')
  const file = path.join(dataDir, 'session-secret')
  if (existsSync(file)) return readFileSync(file, 'utf8').trim()
  mkdirSync(dataDir, { recursive: true })
  const secret = randomBytes(32).toString('hex')
  writeFileSync(file, secret, { mode: 0o600 })
  return secret
}
