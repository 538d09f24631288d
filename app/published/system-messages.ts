import { catalogueFor } from '#app/visitor-language/catalogue'
import { fillText, formatNumber } from '#app/visitor-language/format'

// Every word a visitor can read on a page Splitform answers itself, rather than the marketer's page: a page that
// does not exist, one briefly unavailable, a form post that could not be taken. The words come from the visitor
// language catalogues (app/visitor-language): in the page's language when there is a page, else in the one the
// browser prefers among those Splitform speaks (languageFromAcceptLanguage). No server imports, no HTML.

export type SystemPageText = { title: string; text: string }

/** The system messages in `locale` (a page's tag, or a language from Accept-Language). */
export function systemMessages(locale: string) {
  const t = catalogueFor(locale).system
  return {
    locale,
    notFound: { title: t.notFoundTitle, text: t.notFoundText },
    unavailable: { title: t.unavailableTitle, text: t.unavailableText },
    submissionTooLarge: (kilobytes: number) => fillText(t.submissionTooLarge, { kilobytes: formatNumber(locale, kilobytes) }),
    submissionNotSaved: t.submissionNotSaved,
    tooManySubmissions: (seconds: number) => fillText(t.tooManySubmissions, { seconds: formatNumber(locale, seconds) }),
    /** The heading over a message that came without one (a refused form post), by the HTTP status it is sent with. */
    titleFor(status: number) {
      if (status === 404) return t.notFoundTitle
      if (status === 429) return t.waitTitle
      if (status >= 500) return t.serverErrorTitle
      return t.refusedTitle
    },
  }
}
export type SystemMessages = ReturnType<typeof systemMessages>
