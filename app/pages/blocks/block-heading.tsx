import { DynamicText } from '#app/pages/dynamic-text'

/** The centred heading and intro line that list blocks (features, FAQ, …) open with; nothing when both are empty. */
export function BlockHeading({ heading, intro }: { heading?: string; intro?: string }) {
  const hasHeading = Boolean(heading?.trim())
  const hasIntro = Boolean(intro?.trim())
  if (!hasHeading && !hasIntro) return null
  return (
    <div className="sf-head">
      {hasHeading ? (
        <h2>
          <DynamicText value={heading} />
        </h2>
      ) : null}
      {hasIntro ? (
        <p className="sf-lead">
          <DynamicText value={intro} />
        </p>
      ) : null}
    </div>
  )
}
