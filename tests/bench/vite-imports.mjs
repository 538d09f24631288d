// Module hooks for running app server code under plain Node/tsx (benches): Vite's `?raw` imports become the
// file's text as a default export, as Vite builds them. Registered by a bench before it imports app modules.
import { readFile } from 'node:fs/promises'

export async function resolve(specifier, context, nextResolve) {
  if (!specifier.endsWith('?raw')) return nextResolve(specifier, context)
  const resolved = await nextResolve(specifier.slice(0, -'?raw'.length), context)
  return { url: `${resolved.url}?raw`, shortCircuit: true }
}

export async function load(url, context, nextLoad) {
  if (!url.endsWith('?raw')) return nextLoad(url, context)
  const text = await readFile(new URL(url.slice(0, -'?raw'.length)), 'utf8')
  return { format: 'module', source: `export default ${JSON.stringify(text)}`, shortCircuit: true }
}
