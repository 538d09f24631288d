import type { AddressInfo } from 'node:net'
import { simpleParser, type ParsedMail } from 'mailparser'
import { SMTPServer } from 'smtp-server'

// A real SMTP server on a loopback port for tests (smtp-server, from the nodemailer project): it accepts every
// message without authentication or TLS and keeps it, parsed. `stop()` closes it (a "mail server down"), `start()`
// opens it again on the same port.

export type ReceivedMail = { envelopeTo: string[]; mail: ParsedMail; at: number }

export async function startSmtpReceiver({ port = 0 }: { port?: number } = {}) {
  const received: ReceivedMail[] = []
  const waiters = new Set<() => void>()
  let server: SMTPServer | undefined
  let boundPort = port

  async function start() {
    server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData(stream, session, callback) {
        simpleParser(stream)
          .then((mail) => {
            received.push({ envelopeTo: session.envelope.rcptTo.map((r) => r.address), mail, at: Date.now() })
            for (const wake of waiters) wake()
            callback()
          })
          .catch(callback)
      },
    })
    await new Promise<void>((resolve, reject) => {
      server!.once('error', reject)
      server!.listen(boundPort, '127.0.0.1', () => resolve())
    })
    boundPort = (server.server.address() as AddressInfo).port
  }

  async function stop() {
    const closing = server
    server = undefined
    if (closing) await new Promise<void>((resolve) => closing.close(() => resolve()))
  }

  /** Resolves once `count` messages have arrived (in all), or rejects after `timeoutMs`. */
  function waitForMessages(count: number, timeoutMs = 10_000) {
    return new Promise<ReceivedMail[]>((resolve, reject) => {
      const check = () => {
        if (received.length < count) return
        waiters.delete(check)
        clearTimeout(timer)
        resolve(received)
      }
      const timer = setTimeout(() => {
        waiters.delete(check)
        reject(new Error(`${received.length} of ${count} messages arrived within ${timeoutMs} ms`))
      }, timeoutMs)
      waiters.add(check)
      check()
    })
  }

  await start()
  return {
    received,
    start,
    stop,
    waitForMessages,
    get url() {
      return `smtp://127.0.0.1:${boundPort}`
    },
  }
}
