// What `npm start` prints while it builds for the first time (server.js): the step it is on instead of the build's
// own output (issue 17: ~50 s of chunk lists before anything else). Plain JavaScript: it runs before anything is
// built. A failed build prints everything it said, so nothing that explains a failure is hidden.

/** The build's three steps (`npm run build`): the first starts with it, the others at the first line they print. */
export const BUILD_STEPS = [
  { starts: null, label: "the published pages' form script" },
  { starts: /building for production/, label: 'the app for the browser' },
  { starts: /building SSR bundle for production/, label: 'the server' },
]

// Worth showing even when the build succeeds: warnings and errors, but not the chunk list or the notices below.
const NOTEWORTHY = /\b(warn|warning|error|failed)\b|\(!\)|✘/i
// The chunk list counts as noise too: an asset may be called error-boundary-….js.
const NOISE = /Generated an empty chunk|Some chunks are larger than|chunkSizeWarningLimit|manualChunks|build\.rollupOptions|dynamic import\(\) to code-split|^\s*build\/|│ gzip:/

/**
 * Reads the build's output line by line. `print` hears "Building… (step n/3: …)" as each step starts, and any
 * warning or error line as it comes; `output()` is everything, for when the build fails.
 */
export function createBuildProgress(print) {
  let step = 0
  let output = ''
  const announce = (index) => {
    step = index + 1
    print(`Building… (step ${step}/${BUILD_STEPS.length}: ${BUILD_STEPS[index].label})`)
  }
  announce(0)
  return {
    line(text) {
      output += `${text}\n`
      const next = BUILD_STEPS.findIndex((s, i) => i >= step && s.starts?.test(text))
      if (next >= 0) announce(next)
      else if (NOTEWORTHY.test(text) && !NOISE.test(text)) print(`  ${text.trim()}`)
    },
    output: () => output,
    step: () => step,
  }
}
