import { languageOf, messagesFor } from '#app/i18n/language.server'
import { speakerIn, type Speaker } from '#app/i18n/sentences'

/** The statistics' speaker in the request's language: a screen's loader hands it the analysis, so its decision reads in it. */
export async function speakerOf(request: Request): Promise<Speaker> {
  const language = await languageOf(request)
  return speakerIn(language, messagesFor(language))
}
