// ESLint for the whole repository, run by `npm run lint:code` (and `npm run lint` in CI). Why these rules and
// not others: docs/decisions/055-lint-and-format.md. Layout is Prettier's job, so no stylistic rule is on here.
import js from '@eslint/js'
import { defineConfig } from 'eslint/config'
import jsxA11y from 'eslint-plugin-jsx-a11y'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'

export default defineConfig(
  // Build output, static files served as they are (public/page-assets/form.js is built from app/forms/enhance),
  // test reports and local data folders.
  { ignores: ['build/', 'public/', 'test-results/', 'playwright-report/', '.data/', '.data-e2e/', '.cache/'] },

  js.configs.recommended,
  // Not the type-checked set: it took 3.5 times the CPU (measured in the decision record) for findings that
  // are mostly noise here (Remix throws Responses, FormData values stringified on purpose); `tsc` checks types.
  tseslint.configs.recommended,
  reactHooks.configs.flat.recommended,
  jsxA11y.flatConfigs.recommended,

  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    // app/ runs on both sides and tests/ drives both, so both sets of globals.
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      // A leading underscore marks a binding kept on purpose, and a rest sibling drops a property from a copy
      // (`const { seed: _seed, ...experiment } = row` keeps the seed on the server).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', ignoreRestSiblings: true }],
      // A warning does not fail `eslint .`, and a missing dependency is a stale-closure bug: an error, so CI sees it.
      'react-hooks/exhaustive-deps': 'error',
      // Only says that React Compiler would skip a component (react-hook-form's watch()); the compiler is not used here.
      'react-hooks/incompatible-library': 'off',
      // The default depth (2) stops before text inside <span><code>{value}</code></span>.
      'jsx-a11y/label-has-associated-control': ['error', { depth: 3 }],
    },
  },

  {
    // Published constants (Cody's coefficients) and reference values (mpmath, R) are copied with every digit they
    // were published with, so they can be compared with their source; the double they round to is the intended one.
    files: ['app/statistics/**'],
    rules: { 'no-loss-of-precision': 'off' },
  },
)
