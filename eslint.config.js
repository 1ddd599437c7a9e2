import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// One linter for the whole tree. Type-aware rules are left out to keep `npm test` quick; tsc --noEmit
// (strict) runs beside it.

// ── Import boundaries (README "Where things live") ─────────────────────────────
// "Nothing in lib/ imports from components/ or entrypoints/; nothing outside lib/portal/ knows a portal
// label or a portal route; nothing outside lib/api/ touches the token", and the simulated Partner Center
// (tests/portal/) imports nothing of the extension. ESLint's own no-restricted-imports enforces them on
// the import source as written, so each module is matched both through the aliases WXT maps to the
// repository root (@/, ~/, @@/, ~~/: .wxt/tsconfig.json, repeated in tsconfig.json) and by relative path.
// lib/boundaries.test.ts proves that each rule reports a violation and lets the allowed imports through.

const ALIAS = '(?:@@?|~~?)/';
const EXT = '(?:\\.[cm]?[jt]sx?)?';

/**
 * A regex source matching an import of the repository file `path` ("lib/portal/labels"): through an
 * alias, or relatively from anywhere (from inside lib/ the "lib/" part is not written: "../portal/labels").
 */
function fileImport(path) {
  const relative = path.startsWith('lib/') ? `(?:lib/)?${path.slice('lib/'.length)}` : path;
  return `^(?:${ALIAS}${path}|(?:\\.\\.?/)+${relative})(?:${EXT}|/index${EXT})$`;
}

/** A regex source matching an import of anything in one of the repository's top-level folders. */
function folders(...names) {
  return `^(?:${ALIAS}|(?:\\.\\.?/)+)(?:${names.join('|')})(?:/|$)`;
}

/** lib/ is the extension's logic: it depends on no UI and no entry point (data flows one way). */
const LIB_NOT_UI = [
  {
    regex: folders('components', 'entrypoints'),
    message:
      'lib/ never imports components/ or entrypoints/ (README "Where things live": data flows one way). Pass what lib/ needs in as arguments or callbacks.',
  },
  {
    // WXT's UI and entry-point parts (and #imports, which re-exports them all) belong to entrypoints/.
    regex: '^(?:#imports$|wxt/utils/(?:content-script-ui/|content-script-context$|define-))',
    message:
      "lib/ never imports WXT's UI or entry-point parts: mounting UI and defining scripts is entrypoints/' work.",
  },
];

/** Only lib/portal/ knows Partner Center's labels and routes, so a change of the portal is a one-folder fix. */
const PORTAL_ONLY = [
  {
    regex: fileImport('lib/portal/labels'),
    // By key only: the label texts themselves (LABELS, PHRASES, STATUS_TEXT) and matching portal text
    // (isLabel, normalizeLabel) stay inside lib/portal/.
    allowImportNames: ['labelText', 'isLabelKey', 'LabelKey'],
    message:
      "Only lib/portal/ knows the portal's labels. Outside it, name a label by its key (labelText(key, lang), isLabelKey) or ask lib/portal/ for what you need.",
  },
  {
    regex: fileImport('lib/portal/routes'),
    // The design's step 1: "the URL tells portal/routes which page this is" (entrypoints/content/index.tsx,
    // the Migrate panels (content/migrate/panels.tsx) and lib/migration/steps/deps.ts recognise the page through parseRoute).
    // The route strings and the portal's origin stay inside lib/portal/.
    allowImportNames: ['parseRoute', 'routeLanguage', 'PageKind', 'PortalRoute', 'PORTAL_TABS', 'customerSubscriptionsUrl'],
    message:
      "Only lib/portal/ knows the portal's routes. Outside it, recognise a page with parseRoute/routeLanguage (and the PageKind, PortalRoute types).",
  },
];

const TOKEN_MESSAGE =
  "Only lib/api/ touches the portal's session token; entrypoints/content/session.ts creates the one session client with it. Use that client (or take a SessionClient as an argument).";

/** The token file is reached only through lib/api's index, where the names below are restricted. */
const TOKEN_FILE = { regex: fileImport('lib/api/token'), message: TOKEN_MESSAGE };

/** Nothing outside lib/api/ touches the token. */
const TOKEN_ONLY_API = [
  { regex: fileImport('lib/api'), importNames: ['readSessionToken', 'AUTH_STORAGE_KEY'], message: TOKEN_MESSAGE },
  TOKEN_FILE,
];

/** entrypoints/content/session.ts creates the session client: it alone hands readSessionToken to it. */
const TOKEN_SESSION_CLIENT = [
  { regex: fileImport('lib/api'), importNames: ['AUTH_STORAGE_KEY'], message: TOKEN_MESSAGE },
  TOKEN_FILE,
];

/** The simulator is the portal's stand-in: sharing the extension's code would let both share a mistake. */
const SIMULATOR_OWN_CODE = [
  {
    regex: folders('lib', 'components', 'entrypoints'),
    message:
      'The simulated Partner Center (tests/portal/) imports nothing from lib/, components/ or entrypoints/: it must stay independent of the extension it tests.',
  },
];

/**
 * What the script every portal page loads must not import: each of these pulls in what only the
 * on-demand scripts need (the panel's words, the full catalog, the picker, the migration's schemas).
 * The size target (30 kB gzip, npm run bench) depends on it. Types cost nothing and stay allowed.
 */
const OVERLAY_LIGHT = [
  ['lib/i18n', "the full word tables: use '@/lib/i18n/overlay'"],
  ['lib/catalog', "the full catalog: use '@/lib/catalog/retired-index' and '@/lib/catalog/match'"],
  ['lib/overlay/assess', 'the picker: the assess script (entrypoints/assess) assesses'],
].map(([path, what]) => ({
  regex: fileImport(path),
  allowTypeImports: true,
  message: `The script every portal page loads must stay small; this import brings ${what}.`,
}));
const OVERLAY_HEAVY_MESSAGE =
  'The script every portal page loads must stay small: the picker, the migration and the store load on demand (entrypoints/content/bridge.ts).';
const OVERLAY_HEAVY_FOLDERS = [
  folders('lib/recommend', 'lib/migration', 'lib/store', 'lib/worklist', 'entrypoints/migrate-panel', 'entrypoints/assess', 'entrypoints/customer-badges'),
  // The same, written relatively: ../migrate-panel/… from entrypoints/content, ./assess from lib/overlay.
  '^(?:\\.\\./)+(?:migrate-panel|assess|customer-badges)(?:/|$)',
  '^\\./assess(?:-reads)?(?:\\.[jt]sx?)?$',
  // The panel's and the side panel's components.
  `^(?:${ALIAS}|(?:\\.\\.?/)+)(?:components/)?(?:MigratePanel|MigrationSteps|StepCard|StepProblem|PlanFields|PurchaseBody|ReassignBody|SuspendBody|PanelEnds|KeepCounts|UserChooser|DamagedRecord|ProgressBar|PreflightControls|Worklist|WorklistFilters|WorklistTable)(?:\\.tsx)?$`,
].map((regex) => ({ regex, allowTypeImports: true, message: OVERLAY_HEAVY_MESSAGE }));

/** The files of the script every portal page loads (entrypoints/content and what it imports). */
const OVERLAY_FILES = [
  'entrypoints/content/**',
  'components/{Banner,Summary,CustomerBadge,PageNotice,format,trusted}.{ts,tsx}',
  'lib/overlay/{from-api,messages,days,retiring-rule,subscription}.ts',
  'lib/catalog/{retired-index,match,guid,normalize}.ts',
  'lib/i18n/{overlay,lang,overlay-strings}.ts',
];

/** One config per group, and every file in exactly one of them (ESLint replaces a rule's options, never merges them). */
const boundary = (name, files, patterns, ignores = []) => ({
  name: `boundaries/${name}`,
  files,
  ignores,
  rules: { 'no-restricted-imports': ['error', { patterns }] },
});

export default tseslint.config(
  { ignores: ['node_modules/', '.output/', '.output-maps/', '.wxt/', 'reports/', 'test-results/', 'playwright-report/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      'no-restricted-properties': [
        'error',
        { property: 'innerHTML', message: 'Build DOM with createElement/textContent.' },
        { property: 'outerHTML', message: 'Build DOM with createElement/textContent.' },
        { property: 'insertAdjacentHTML', message: 'Build DOM with createElement/textContent.' },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // WXT's auto-imported globals (defineBackground, defineContentScript …) are typed by .wxt/.
    files: ['entrypoints/**'],
    rules: { 'no-undef': 'off' },
  },
  {
    files: ['**/*.ts', '**/*.tsx'],
    rules: { 'no-undef': 'off' },
  },
  boundary('lib', ['lib/**'], [...LIB_NOT_UI, ...PORTAL_ONLY, ...TOKEN_ONLY_API], ['lib/portal/**', 'lib/api/**']),
  boundary('lib-portal', ['lib/portal/**'], [...LIB_NOT_UI, ...TOKEN_ONLY_API]),
  boundary('lib-api', ['lib/api/**'], [...LIB_NOT_UI, ...PORTAL_ONLY]),
  boundary(
    'ui',
    ['components/**', 'entrypoints/**'],
    [...PORTAL_ONLY, ...TOKEN_ONLY_API],
    ['entrypoints/content/session.ts'],
  ),
  boundary('session-client', ['entrypoints/content/session.ts'], [...PORTAL_ONLY, ...TOKEN_SESSION_CLIENT]),
  boundary('simulator', ['tests/portal/**'], SIMULATOR_OWN_CODE),
  {
    name: 'boundaries/overlay-light',
    files: OVERLAY_FILES,
    ignores: ['**/*.test.ts', '**/*.test.tsx'],
    rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns: [...OVERLAY_LIGHT, ...OVERLAY_HEAVY_FOLDERS] }] },
  },
);
