import { createContext, useContext } from 'react'

// The CSP nonce of this response (app/http/admin-csp.server.ts), for the inline scripts Remix renders. Only the
// server knows it: in the browser the context is empty, which matches what the DOM shows, since browsers hide
// nonce attributes once parsed.
const NonceContext = createContext('')

export const NonceProvider = NonceContext.Provider

export function useNonce() {
  return useContext(NonceContext)
}
