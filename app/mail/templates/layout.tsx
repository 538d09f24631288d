import { Body } from '@react-email/body'
import { Container } from '@react-email/container'
import { Head } from '@react-email/head'
import { Hr } from '@react-email/hr'
import { Html } from '@react-email/html'
import { Preview } from '@react-email/preview'
import { Text } from '@react-email/text'
import type { ReactNode } from 'react'

// The frame every mail shares: one centred column up to 600 px that narrows with the screen (react-email's
// Container is a table with max-width, which every client from Outlook to Gmail on a phone honours), system fonts,
// inline styles only (mail clients drop <style> blocks and classes).

export const mailStyles = {
  body: { backgroundColor: '#f1f5f9', fontFamily: '-apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, Helvetica, Arial, sans-serif', margin: 0, padding: '24px 0' },
  container: { backgroundColor: '#ffffff', borderRadius: '8px', maxWidth: '600px', width: '100%', padding: '24px' },
  heading: { color: '#0f172a', fontSize: '20px', lineHeight: '28px', margin: '0 0 16px' },
  text: { color: '#1e293b', fontSize: '15px', lineHeight: '22px', margin: '0 0 12px' },
  muted: { color: '#475569', fontSize: '13px', lineHeight: '20px', margin: '0' },
  button: { backgroundColor: '#1d4ed8', borderRadius: '6px', color: '#ffffff', display: 'inline-block', fontSize: '15px', fontWeight: 600, padding: '10px 18px', textDecoration: 'none' },
  label: { color: '#475569', fontSize: '13px', padding: '4px 12px 4px 0', verticalAlign: 'top', width: '35%' },
  value: { color: '#0f172a', fontSize: '14px', padding: '4px 0', verticalAlign: 'top', wordBreak: 'break-word' as const },
} as const

export function MailLayout({ preview, lang = 'en', footer, children }: { preview: string; lang?: string; footer?: ReactNode; children: ReactNode }) {
  return (
    <Html lang={lang}>
      <Head>
        <meta name="viewport" content="width=device-width, initial-scale=1" />
      </Head>
      <Preview>{preview}</Preview>
      <Body style={mailStyles.body}>
        <Container style={mailStyles.container}>
          {children}
          <Hr style={{ borderColor: '#e2e8f0', margin: '24px 0 12px' }} />
          <Text style={mailStyles.muted}>{footer ?? 'Sent by Splitform.'}</Text>
        </Container>
      </Body>
    </Html>
  )
}
