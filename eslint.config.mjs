import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

/**
 * The house plan's layers (docs/decisions/007-layers.md), held by the linter: an import
 * that crosses a layer the wrong way fails `npm run lint`. Patterns match both the `@/`
 * alias and relative paths.
 */
const restrict = (files, rules, ignores = []) => ({
  files,
  ignores,
  rules: {
    'no-restricted-imports': ['error', { patterns: rules.map(([group, message]) => ({ group, message })) }],
  },
});

const NEXT = [['next', 'next/*'], 'Pure domain code does not know Next.js.'];
const NODE_HTTP = [
  ['node:http', 'node:https', 'http', 'https', 'node:http2'],
  'Pure domain code does not speak HTTP: the caller passes in what the network gave.',
];
const DB = [['@/lib/db', '@/lib/db/*', '**/db/*', '**/db'], 'No database here: the data comes in as arguments.'];
const STORE = [
  [
    '@/lib/progress/store',
    '**/progress/store',
    '@/lib/progress/run-checks',
    '**/progress/run-checks',
    '@/lib/cohorts/store',
    '**/cohorts/store',
    '@/lib/engine/store',
    '**/engine/store',
    '@/lib/engine/run-step',
    '**/engine/run-step',
  ],
  'No progress or cohort store here: the data comes in as arguments.',
];
const HTTP_LAYER = [
  ['@/lib/http/*', '**/http/*', '@/lib/server/*', '**/server/*', '@/lib/session/*', '**/session/*'],
  'The HTTP layer calls the domain, never the other way round.',
];
const API_ERROR = [
  ['@/lib/http/api', '**/http/api'],
  'Throw a domain error (PrerequisiteMissing, FeatureDisabled, RateLimited…); handleApi maps it to HTTP.',
];

const config = [
  ...nextVitals,
  ...nextTs,
  {
    // Playwright fixtures take a \`use\` callback that is not React's use().
    files: ['e2e/**/*.ts'],
    rules: { 'react-hooks/rules-of-hooks': 'off' },
  },
  // (A later entry replaces an earlier one's patterns for the files both match: the general
  // rule comes first, the specific ones repeat it.)
  // Domain and data code throws domain errors; only lib/http and route handlers know HTTP statuses.
  restrict(['lib/**/*.ts'], [API_ERROR], ['lib/http/**', 'lib/**/*.test.ts']),
  // The checks: pure functions of their inputs.
  restrict(
    ['lib/exercise/**/*.ts'],
    [API_ERROR, NEXT, NODE_HTTP, DB, STORE, HTTP_LAYER, [['react', 'react-dom', 'react/*'], 'Checks return data; components render it.']],
    ['lib/exercise/**/*.test.ts'],
  ),
  // The course's declarations: plain data that the engine, the pages and the docs read.
  restrict(
    ['lib/course/**/*.ts'],
    [
      API_ERROR,
      NEXT,
      NODE_HTTP,
      DB,
      STORE,
      HTTP_LAYER,
      [['@/lib/engine/*', '**/engine/*', '**/engine/**'], 'Declarations are data: the engine reads them, never the other way round.'],
    ],
    ['lib/course/**/*.test.ts'],
  ),
  // Issuer discovery is infrastructure the checks may use, not the other way round.
  restrict(
    ['lib/issuer/**/*.ts'],
    [
      API_ERROR,
      NEXT,
      DB,
      STORE,
      [
        ['@/lib/exercise/*', '**/exercise/*'],
        'lib/issuer does not import the checks: the use case that combines them lives in lib/progress.',
      ],
    ],
    ['lib/issuer/**/*.test.ts'],
  ),
  // Components get their data from pages and the API, never from the database or a store.
  restrict(
    ['components/**/*.{ts,tsx}'],
    [DB, STORE, HTTP_LAYER, [['@/lib/server/*', 'server-only', 'node:*'], 'Components run in the browser too.']],
  ),
  {
    ignores: [
      '.next/**',
      '.next-*/**',
      'node_modules/**',
      'data/**',
      'bench/baseline/**',
      'test-results/**',
      'playwright-report/**',
      'next-env.d.ts',
    ],
  },
];

export default config;
