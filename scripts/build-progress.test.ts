import { expect, test } from 'vitest'
import { createBuildProgress } from './build-progress.js'

// What `npm run build` prints (abridged from a real run), and what a first `npm start` shows of it.
const BUILD_OUTPUT = `
> splitform@0.1.0 build
> tsx app/forms/enhance/build-bundle.ts && remix vite:build
form.js: 91.6 KB, 32.8 KB gzipped
vite v6.4.6 building for production...
transforming...
Generated an empty chunk: "api.v1.pages".
Generated an empty chunk: "api.v1.forms".
✓ 3105 modules transformed.
build/client/assets/route-BpZ3.js   1,254.10 kB │ gzip: 380.12 kB
build/client/assets/error-boundary-vEPOjjoX.js   0.91 kB │ gzip:   0.45 kB
(!) Some chunks are larger than 500 kB after minification. Consider:
- Using dynamic import() to code-split the application
- Use build.rollupOptions.output.manualChunks to improve chunking: https://rollupjs.org/configuration-options/#output-manualchunks
- Adjust chunk size limit for this warning via build.chunkSizeWarningLimit.
✓ built in 41.20s
vite v6.4.6 building SSR bundle for production...
transforming...
[plugin vite:reporter] warning: something a developer should see
build/server/index.js  812.44 kB
✓ built in 12.02s`.trim()

test('a first start says which of the three build steps runs, and passes on warnings but not the chunk noise', () => {
  const printed: string[] = []
  const progress = createBuildProgress((line: string) => printed.push(line))
  for (const line of BUILD_OUTPUT.split('\n')) progress.line(line)
  expect(printed).toEqual([
    "Building… (step 1/3: the published pages' form script)",
    'Building… (step 2/3: the app for the browser)',
    'Building… (step 3/3: the server)',
    '  [plugin vite:reporter] warning: something a developer should see',
  ])
  // A failed build prints all of it.
  expect(progress.output()).toBe(`${BUILD_OUTPUT}\n`)
})
