// Builds public/page-assets/form.js, the script published pages with a form load. React is aliased to
// preact/compat: react-hook-form runs unchanged at a fraction of React's size. Run by `npm run build`.
import { build } from 'esbuild'
import { gzipSync } from 'node:zlib'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..')
const outfile = path.join(root, 'public/page-assets/form.js')

await build({
  entryPoints: [path.join(root, 'app/forms/enhance/enhance-forms.tsx')],
  outfile,
  bundle: true,
  minify: true,
  format: 'iife',
  target: ['es2020', 'safari14'],
  jsx: 'automatic',
  jsxImportSource: 'react',
  alias: {
    react: 'preact/compat',
    'react-dom': 'preact/compat',
    'react/jsx-runtime': 'preact/jsx-runtime',
  },
  define: { 'process.env.NODE_ENV': '"production"' },
  tsconfig: path.join(root, 'tsconfig.json'),
  legalComments: 'none',
  logLevel: 'warning',
})
const bytes = readFileSync(outfile)
console.log(`form.js: ${(bytes.length / 1024).toFixed(1)} KB, ${(gzipSync(bytes).length / 1024).toFixed(1)} KB gzipped`)

// The consent script of consent-mode pages (app/privacy/consent-script.ts): plain DOM, nothing bundled.
const consentFile = path.join(root, 'public/page-assets/consent.js')
await build({
  entryPoints: [path.join(root, 'app/privacy/consent-script.ts')],
  outfile: consentFile,
  bundle: true,
  minify: true,
  format: 'iife',
  target: ['es2020', 'safari14'],
  legalComments: 'none',
  logLevel: 'warning',
})
const consentBytes = readFileSync(consentFile)
console.log(`consent.js: ${(consentBytes.length / 1024).toFixed(1)} KB, ${(gzipSync(consentBytes).length / 1024).toFixed(1)} KB gzipped`)
