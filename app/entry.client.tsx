import { RemixBrowser } from '@remix-run/react'
import { startTransition, StrictMode } from 'react'
import { hydrateRoot } from 'react-dom/client'
import { loadCatalogue } from '#app/i18n/catalogue-assets'

// Remix's default entry, except that it hydrates once the page's catalogue is in hand (<html lang> says which; root.tsx
// preloads it), so the first render speaks the language the server rendered (decision 094). Should the catalogue
// not come, the page still hydrates: React renders it again in English rather than leaving it dead.
function hydrate() {
  startTransition(() => {
    hydrateRoot(
      document,
      <StrictMode>
        <RemixBrowser />
      </StrictMode>,
    )
  })
}

loadCatalogue(document.documentElement.lang).then(hydrate, (error: unknown) => {
  console.error(error)
  hydrate()
})
