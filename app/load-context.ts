// What the server entry (server.js) hands every loader and action.
declare module '@remix-run/node' {
  interface AppLoadContext {
    /** The client's IP: the socket's address, or X-Forwarded-For's entry chosen by TRUST_PROXY. */
    clientIp: string
  }
}

export {}
