import { z } from 'zod'

// zod 4 compiles object parsers with `new Function` when it may, and probes for that once with a caught
// `new Function("")`. The admin CSP forbids eval, so in the browser the probe fails and zod falls back, but
// Chromium still reports a CSP violation for it on every page. Telling zod up front that eval is off skips the
// probe. Imported first in root.tsx, so it runs before any route module builds a schema; the server keeps the JIT.
if (typeof document !== 'undefined') z.config({ jitless: true })
