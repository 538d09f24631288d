import { Button } from '@react-email/button'
import { Heading } from '@react-email/heading'
import { Link } from '@react-email/link'
import { Text } from '@react-email/text'
import { z } from 'zod'
import { visitorMailLocale } from '#app/leads/visitor-locale'
import { fillText } from '#app/visitor-language/format'
import { visitorMailCatalogue } from '../visitor-catalogue'
import { defineEmailTemplate, type RenderContext } from '../template'
import { MailLayout, mailStyles } from './layout'

// Mail to a visitor who submitted a form (app/leads/visitor-mail.server.ts queues it): a confirmation (with the
// download link on a content form) and the double opt-in request. Each speaks the page's language, any of the nine
// (app/mail/visitor-catalogues), and each carries the unsubscribe link in its footer and as List-Unsubscribe (one
// click, RFC 8058) in its headers.

const textsFor = ({ locale }: RenderContext) => visitorMailCatalogue(locale).mail

/** Paths, not URLs: the worker renders with APP_URL as the base. */
const VisitorMailData = z.object({
  formName: z.string(),
  unsubscribePath: z.string().startsWith('/'),
  downloadPath: z.string().startsWith('/').nullable(),
})
const OptInData = VisitorMailData.extend({ confirmPath: z.string().startsWith('/') })
type VisitorMailData = z.infer<typeof VisitorMailData>

function unsubscribeHeaders({ unsubscribePath }: VisitorMailData, { appUrl }: RenderContext) {
  return { 'List-Unsubscribe': `<${appUrl}${unsubscribePath}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' }
}

function VisitorFooter({ data, context }: { data: VisitorMailData; context: RenderContext }) {
  const t = textsFor(context)
  return (
    <>
      {t.footer}{' '}
      <Link href={`${context.appUrl}${data.unsubscribePath}`} style={{ color: '#475569', textDecoration: 'underline' }}>
        {t.unsubscribe}
      </Link>
    </>
  )
}

function DownloadButton({ data, context }: { data: VisitorMailData; context: RenderContext }) {
  if (!data.downloadPath) return null
  const t = textsFor(context)
  return (
    <>
      <Button href={`${context.appUrl}${data.downloadPath}`} style={mailStyles.button}>
        {t.download}
      </Button>
      <Text style={{ ...mailStyles.muted, marginTop: '8px' }}>{t.downloadHint}</Text>
    </>
  )
}

const sample = { formName: 'The 2026 pricing guide', unsubscribePath: '/unsubscribe/sample', downloadPath: '/d/sample' }

export const visitorConfirmation = defineEmailTemplate({
  name: 'visitor-confirmation',
  description: 'To a visitor after submitting a form that sends a confirmation (with the download link on a download form)',
  data: VisitorMailData,
  preview: sample,
  subject: (data, context) => fillText(textsFor(context).confirmationSubject, { form: data.formName }),
  Body: ({ data, ...context }) => {
    const t = textsFor(context)
    return (
      <MailLayout preview={t.confirmationHeading} lang={visitorMailLocale({ pageLocale: context.locale })} footer={<VisitorFooter data={data} context={context} />}>
        <Heading as="h1" style={mailStyles.heading}>
          {t.confirmationHeading}
        </Heading>
        <Text style={mailStyles.text}>{fillText(t.confirmationBody, { form: data.formName })}</Text>
        <DownloadButton data={data} context={context} />
      </MailLayout>
    )
  },
  headers: unsubscribeHeaders,
})

export const visitorDoubleOptIn = defineEmailTemplate({
  name: 'visitor-double-opt-in',
  description: 'To a visitor after submitting a double opt-in form: the link that confirms the address',
  data: OptInData,
  preview: { ...sample, formName: 'Monthly newsletter', downloadPath: null, confirmPath: '/confirm/sample' },
  subject: (_data, context) => textsFor(context).optInSubject,
  Body: ({ data, ...context }) => {
    const t = textsFor(context)
    return (
      <MailLayout preview={t.optInHeading} lang={visitorMailLocale({ pageLocale: context.locale })} footer={<VisitorFooter data={data} context={context} />}>
        <Heading as="h1" style={mailStyles.heading}>
          {t.optInHeading}
        </Heading>
        <Text style={mailStyles.text}>{fillText(t.optInBody, { form: data.formName })}</Text>
        <Button href={`${context.appUrl}${data.confirmPath}`} style={mailStyles.button}>
          {t.confirm}
        </Button>
        <DownloadButton data={data} context={context} />
      </MailLayout>
    )
  },
  headers: unsubscribeHeaders,
})
