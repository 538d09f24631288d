import { Button } from '@react-email/button'
import { Heading } from '@react-email/heading'
import { Link } from '@react-email/link'
import { Text } from '@react-email/text'
import { z } from 'zod'
import { visitorMailLocale, type VisitorLocale } from '#app/leads/visitor-locale'
import { defineEmailTemplate, type RenderContext } from '../template'
import { MailLayout, mailStyles } from './layout'

// Mail to a visitor who submitted a form (app/leads/visitor-mail.server.ts queues it): a confirmation (with the
// download link on a content form) and the double opt-in request. Each speaks the page's language (en, sv, da),
// and each carries the unsubscribe link in its footer and as List-Unsubscribe (one click, RFC 8058) in its headers.

const TEXTS = {
  en: {
    confirmationSubject: (form: string) => `Thank you: ${form}`,
    confirmationHeading: 'Thank you, we have received your details',
    confirmationBody: (form: string) => `You submitted “${form}”. We will be in touch.`,
    download: 'Download',
    downloadHint: 'The download link works for 7 days.',
    optInSubject: 'Please confirm your subscription',
    optInHeading: 'Confirm your subscription',
    optInBody: (form: string) => `You signed up through “${form}”. Confirm your address to start receiving mail. If it was not you, ignore this mail and nothing more is sent.`,
    confirm: 'Confirm my address',
    footer: 'You get this mail because this address was entered in a form.',
    unsubscribe: 'Unsubscribe',
  },
  sv: {
    confirmationSubject: (form: string) => `Tack: ${form}`,
    confirmationHeading: 'Tack, vi har tagit emot dina uppgifter',
    confirmationBody: (form: string) => `Du skickade in ”${form}”. Vi hör av oss.`,
    download: 'Ladda ner',
    downloadHint: 'Nedladdningslänken fungerar i 7 dagar.',
    optInSubject: 'Bekräfta din prenumeration',
    optInHeading: 'Bekräfta din prenumeration',
    optInBody: (form: string) => `Du anmälde dig via ”${form}”. Bekräfta din adress för att börja få utskick. Var det inte du kan du bortse från detta mejl; inget mer skickas.`,
    confirm: 'Bekräfta min adress',
    footer: 'Du får detta mejl eftersom adressen angavs i ett formulär.',
    unsubscribe: 'Avsluta prenumerationen',
  },
  da: {
    confirmationSubject: (form: string) => `Tak: ${form}`,
    confirmationHeading: 'Tak, vi har modtaget dine oplysninger',
    confirmationBody: (form: string) => `Du har indsendt “${form}”. Vi kontakter dig.`,
    download: 'Download',
    downloadHint: 'Downloadlinket virker i 7 dage.',
    optInSubject: 'Bekræft dit abonnement',
    optInHeading: 'Bekræft dit abonnement',
    optInBody: (form: string) => `Du tilmeldte dig via “${form}”. Bekræft din adresse for at begynde at modtage mails. Hvis det ikke var dig, kan du se bort fra denne mail; der sendes ikke mere.`,
    confirm: 'Bekræft min adresse',
    footer: 'Du får denne mail, fordi adressen blev indtastet i en formular.',
    unsubscribe: 'Afmeld',
  },
} satisfies Record<VisitorLocale, unknown>

const textsFor = ({ locale }: RenderContext) => TEXTS[visitorMailLocale({ pageLocale: locale })]

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
  subject: (data, context) => textsFor(context).confirmationSubject(data.formName),
  Body: ({ data, ...context }) => {
    const t = textsFor(context)
    return (
      <MailLayout preview={t.confirmationHeading} lang={visitorMailLocale({ pageLocale: context.locale })} footer={<VisitorFooter data={data} context={context} />}>
        <Heading as="h1" style={mailStyles.heading}>
          {t.confirmationHeading}
        </Heading>
        <Text style={mailStyles.text}>{t.confirmationBody(data.formName)}</Text>
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
        <Text style={mailStyles.text}>{t.optInBody(data.formName)}</Text>
        <Button href={`${context.appUrl}${data.confirmPath}`} style={mailStyles.button}>
          {t.confirm}
        </Button>
        <DownloadButton data={data} context={context} />
      </MailLayout>
    )
  },
  headers: unsubscribeHeaders,
})
