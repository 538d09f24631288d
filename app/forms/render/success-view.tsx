import type { SuccessAction } from '#app/forms/definition'
import type { FormText } from '#app/visitor-language/shape'

// What replaces the form once a submission is stored (server after the 303, or the enhancement after a 201).
// A redirect never renders here: the server answers with the marketer's URL instead.

export type SuccessViewProps = {
  success: SuccessAction
  /** An expiring link to the asset, for asset forms. */
  downloadUrl?: string | null
  /** The page's language's words around the marketer's. */
  text: FormText
}

export function SuccessView({ success, downloadUrl, text }: SuccessViewProps) {
  return (
    <div className="sf-form__success" role="status" tabIndex={-1}>
      {success.type === 'message' ? <p className="sf-form__success-text">{success.message}</p> : null}
      {success.type === 'redirect' ? (
        <p className="sf-form__success-text">
          {text.thankYou} <a href={success.url}>{text.continue}</a>
        </p>
      ) : null}
      {success.type === 'asset' ? (
        <>
          <p className="sf-form__success-text">{text.downloadReady}</p>
          {downloadUrl ? (
            <a className="sf-btn sf-btn--primary" href={downloadUrl}>
              {success.label}
            </a>
          ) : null}
        </>
      ) : null}
      {success.nextStep ? (
        <p className="sf-form__next">
          <a className="sf-btn sf-btn--secondary" href={success.nextStep.url}>
            {success.nextStep.text}
          </a>
        </p>
      ) : null}
    </div>
  )
}
