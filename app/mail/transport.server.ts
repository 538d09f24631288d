import nodemailer from 'nodemailer'
import { getEnv } from '#app/env.server'

// How an email leaves: through SMTP when SMTP_URL is set, otherwise nowhere: the embedded default keeps every mail
// in the database (the email log is the outbox table itself) and, in development, prints it to the console.

export type OutgoingMail = { from: string; to: string[]; subject: string; text: string; html: string | null; headers?: Record<string, string> }

export type MailTransport = {
  /** Recorded with each attempt: "smtp" or "log" (the embedded default). */
  name: 'smtp' | 'log'
  send: (mail: OutgoingMail) => Promise<void>
}

const TIMEOUT_MS = 10_000

/** SMTP through nodemailer: one connection per message (a round sends a handful; no pool to keep alive). */
export function createSmtpTransport(url: string, { timeoutMs = TIMEOUT_MS }: { timeoutMs?: number } = {}): MailTransport {
  const options = { url, connectionTimeout: timeoutMs, greetingTimeout: timeoutMs, socketTimeout: timeoutMs }
  const transporter = nodemailer.createTransport(options as Parameters<typeof nodemailer.createTransport>[0])
  return {
    name: 'smtp',
    async send(mail) {
      await transporter.sendMail({ from: mail.from, to: mail.to, subject: mail.subject, text: mail.text, html: mail.html ?? undefined, headers: mail.headers })
    },
  }
}

/** The embedded default: the message is already in the database; in development it is also printed. */
export function createLogTransport({ print = getEnv().NODE_ENV === 'development' }: { print?: boolean } = {}): MailTransport {
  return {
    name: 'log',
    async send(mail) {
      if (!print) return
      console.log(`[mail] (no SMTP_URL: kept in Settings → Email log)\nFrom: ${mail.from}\nTo: ${mail.to.join(', ')}\nSubject: ${mail.subject}\n\n${mail.text}\n`)
    },
  }
}

let configured: MailTransport | undefined

/** The transport the configuration asks for, made once per process. */
export function configuredTransport(): MailTransport {
  const { SMTP_URL } = getEnv()
  configured ??= SMTP_URL ? createSmtpTransport(SMTP_URL) : createLogTransport()
  return configured
}
