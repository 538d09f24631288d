import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'

// The routes of app/routes, read from the files the way Remix's flat routes read them, for the hostile-input
// test (tests/integration/hostile-input.test.ts): a new route is fuzzed without anyone listing it.

export type RouteSpec = {
  /** The route file or folder name, e.g. "api.v1.pages.$id.variants.$key" or "_app.leads.$id". */
  id: string
  /** The URL pattern, e.g. "/api/v1/pages/:id/variants/:key"; a splat is "*". */
  pattern: string
  /** An index route: its action is reached with `?index` (without it, a POST goes to the parent layout). */
  isIndex: boolean
  /** Param names in order, with the static segment before each ("pages.id"), to pick a fixture id. */
  params: { name: string; after: string }[]
  hasLoader: boolean
  hasAction: boolean
  /** Words from the route's own files and the schema modules it imports: field names, intents, enum values. */
  words: string[]
}

const ROUTES_DIR = path.resolve('app/routes')
const MODULE = /\.(tsx?|jsx?)$/

/** Splits a flat-routes id on dots outside [escapes]: "_app.leads.export[.csv]" → ["_app", "leads", "export[.csv]"]. */
function segmentsOf(id: string) {
  const segments: string[] = []
  let current = ''
  let escaped = false
  for (const char of id) {
    if (char === '[') escaped = true
    if (char === ']') escaped = false
    if (char === '.' && !escaped) {
      segments.push(current)
      current = ''
    } else current += char
  }
  segments.push(current)
  return segments
}

export function patternOf(id: string): { pattern: string; params: RouteSpec['params'] } {
  const parts: string[] = []
  const params: RouteSpec['params'] = []
  for (const raw of segmentsOf(id)) {
    if (raw === '_index') continue
    if (raw.startsWith('_')) continue // a pathless layout
    const segment = raw.replace(/_$/, '').replace(/\[([^\]]*)\]/g, '$1')
    if (segment === '$') parts.push('*')
    else if (segment.startsWith('$')) {
      params.push({ name: segment.slice(1), after: parts.filter((p) => !p.startsWith(':')).at(-1) ?? '' })
      parts.push(`:${segment.slice(1)}`)
    } else parts.push(segment)
  }
  return { pattern: `/${parts.join('/')}`, params }
}

const exportsName = (source: string, name: string) =>
  new RegExp(`export\\s+(async\\s+)?function\\s+${name}\\b|export\\s+const\\s+${name}\\b|export\\s+const\\s*\\{[^}]*\\b${name}\\b[^}]*\\}|export\\s*\\{[^}]*\\b${name}\\b[^}]*\\}`).test(source)

function wordsIn(source: string) {
  const words = new Set<string>()
  for (const match of source.matchAll(/['"`]([A-Za-z_][A-Za-z0-9_-]{0,40})['"`]/g)) words.add(match[1]!)
  for (const match of source.matchAll(/^\s*([A-Za-z_]\w{0,40})\s*:\s*z\b/gm)) words.add(match[1]!)
  return words
}

/** The schema-like modules a route imports from app/ (#app/<domain>/schema, …/validation, ./form-schema). */
function importedSchemas(source: string, dir: string) {
  const files: string[] = []
  for (const match of source.matchAll(/from\s+'(#app\/[^']+|\.\/[^']+)'/g)) {
    const spec = match[1]!
    if (!/schema|validation|definition|query|period/.test(spec)) continue
    const base = spec.startsWith('#app/') ? path.resolve('app', spec.slice(5)) : path.resolve(dir, spec)
    for (const ext of ['.ts', '.tsx', '.server.ts']) if (existsSync(base + ext)) files.push(base + ext)
  }
  return files
}

export function listRoutes(): RouteSpec[] {
  return readdirSync(ROUTES_DIR)
    .filter((name) => !/\.test\.tsx?$/.test(name))
    .map((name) => {
      const full = path.join(ROUTES_DIR, name)
      const isFolder = statSync(full).isDirectory()
      const id = isFolder ? name : name.replace(MODULE, '')
      const folderFiles = isFolder
        ? readdirSync(full)
            .filter((f) => MODULE.test(f) && !f.includes('.test.'))
            .map((f) => path.join(full, f))
        : [full]
      const routeFile = isFolder ? folderFiles.find((f) => /\/route\.tsx?$/.test(f)) : full
      if (!routeFile) throw new Error(`${name}: a route folder without route.tsx`)
      const source = readFileSync(routeFile, 'utf8')
      const words = new Set<string>()
      for (const file of [...folderFiles, ...importedSchemas(source, path.dirname(routeFile))]) for (const w of wordsIn(readFileSync(file, 'utf8'))) words.add(w)
      return { id, ...patternOf(id), isIndex: id.endsWith('._index'), hasLoader: exportsName(source, 'loader'), hasAction: exportsName(source, 'action'), words: [...words].sort() }
    })
    .sort((a, b) => a.id.localeCompare(b.id))
}
