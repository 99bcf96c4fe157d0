import { fileURLToPath } from 'node:url'
import js from '@eslint/js'
import globals from 'globals'
import { createNodeResolver, importX } from 'eslint-plugin-import-x'
import reactHooks from 'eslint-plugin-react-hooks'
import tseslint from 'typescript-eslint'

/**
 * Which features a feature may import; every other feature's code is off limits, so the
 * features form a tree without cycles. A feature folder not listed may import no other feature.
 * What more than one feature needs belongs in lib/ (pure logic) or components/ (shared UI).
 */
const FEATURE_DEPENDENCIES = {
  artifacts: ['compliance', 'history'],
  audit: ['compliance', 'trails'],
  compliance: [],
  diff: [],
  environments: ['compliance', 'history'],
  flows: ['compliance'],
  history: [],
  overview: [],
  palette: ['search'],
  search: ['artifacts'],
  snapshots: ['compliance'],
  trails: ['compliance'],
}

/** The layers below the features: each may import only the ones after it in its list. */
const LAYER_LIMITS = {
  'src/components': ['app', 'features'],
  'src/api': ['app', 'components', 'features'],
  'src/lib': ['api', 'app', 'components', 'features'],
}

const restricted = (regex, message) => ({ regex, message })
const NO_TEST_HELPERS = restricted('^@/test/', 'src/test/ is for tests only.')

function featureRules(feature, allowed) {
  const known = feature !== '*'
  const open = known ? [feature, ...allowed].join('|') : null
  const may = allowed.length ? `only ${allowed.join(', ')}` : 'no other feature'
  return {
    files: [`src/features/${feature}/**/*.{ts,tsx}`],
    ignores: ['**/*.test.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            known
              ? restricted(
                  `^@/features/(?!(${open})/)`,
                  `features/${feature} may import ${may} (FEATURE_DEPENDENCIES in eslint.config.js); move shared code to lib/ or components/.`,
                )
              : restricted(
                  '^@/features/',
                  'A new feature folder: list it in FEATURE_DEPENDENCIES in eslint.config.js.',
                ),
            restricted(
              '^@/app/(?!(params|config|route-error-boundary)$)',
              'Features use only the params, config and error boundary of app/.',
            ),
            // Relative imports stay in the folder; lib/ may be reached relatively for the server.
            restricted('^\\.\\./(?!\\.\\./lib/)', 'Import from another folder with @/.'),
            NO_TEST_HELPERS,
          ],
        },
      ],
    },
  }
}

export default tseslint.config(
  {
    ignores: [
      'dist',
      'node_modules',
      'public/mockServiceWorker.js',
      'test-results',
      'playwright-report',
      'bench/results',
    ],
  },
  {
    extends: [js.configs.recommended, ...tseslint.configs.recommended],
    files: ['**/*.{ts,tsx,js,mjs}'],
    languageOptions: {
      ecmaVersion: 2022,
      globals: { ...globals.browser, ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-non-null-assertion': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  featureRules('*', []),
  ...Object.entries(FEATURE_DEPENDENCIES).map(([feature, allowed]) =>
    featureRules(feature, allowed),
  ),
  ...Object.entries(LAYER_LIMITS).map(([folder, above]) => ({
    files: [`${folder}/**/*.{ts,tsx}`],
    ignores: ['**/*.test.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            restricted(
              `^(@/|(\\.\\./)+)(${above.join('|')})/`,
              `${folder} may not import ${above.join(', ')}.`,
            ),
            NO_TEST_HELPERS,
          ],
        },
      ],
    },
  })),
  {
    // No import cycles in the app (type-only imports aside), within a folder or across them.
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/extensions': ['.ts', '.tsx', '.js'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/resolver-next': [
        createNodeResolver({
          extensions: ['.ts', '.tsx', '.js'],
          tsconfig: { configFile: fileURLToPath(new URL('tsconfig.app.json', import.meta.url)) },
        }),
      ],
    },
    rules: { 'import-x/no-cycle': 'error' },
  },
  {
    // Playwright fixtures must destructure their (empty) dependencies.
    files: ['e2e/**'],
    rules: { 'no-empty-pattern': 'off' },
  },
  {
    files: ['server/**', 'scripts/**', 'bench/**', 'mocks/server.ts', 'e2e/**'],
    rules: { 'no-console': 'off' },
  },
)
