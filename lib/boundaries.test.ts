// The import boundaries (README "Where things live") are enforced by lint: ESLint's
// no-restricted-imports in eslint.config.js, and the house rule on portal routes in
// scripts/check-style.mjs. Each case lints a small snippet placed at a virtual path of the repository,
// so the proof does not depend on what the tree holds today. (Here rather than under tests/ because
// vitest.config.ts includes lib/**, not tests/lint/.)
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const eslint = new ESLint({ cwd: root });

/** The no-restricted-imports messages ESLint gives `code` as if it were the file `path`. */
async function boundaryMessages(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(root, path) });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

const LIB = 'lib/ never imports components/ or entrypoints/';
const WXT_UI = "lib/ never imports WXT's UI";
const LABELS = "Only lib/portal/ knows the portal's labels";
const ROUTES = "Only lib/portal/ knows the portal's routes";
const TOKEN = "Only lib/api/ touches the portal's session token";
const SIMULATOR = 'The simulated Partner Center (tests/portal/) imports nothing from lib/';

describe('lint fails on a boundary violation', () => {
  const violations: Array<[string, string, string]> = [
    // lib never imports components or entrypoints (by alias, relatively, type-only), nor WXT's UI parts.
    ['lib/migration/x.ts', "import { MigratePanel } from '@/components/MigratePanel';", LIB],
    ['lib/migration/x.ts', "import type { MigratePanelProps } from '~/components/MigratePanel';", LIB],
    ['lib/migration/steps/x.ts', "import { boot } from '../../../entrypoints/content/index';", LIB],
    ['lib/store/x.ts', "import { client } from '@/entrypoints/content/session';", LIB],
    ['lib/portal/x.ts', "import { Banner } from '../../components/Banner';", LIB],
    ['lib/overlay/x.ts', "import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';", WXT_UI],
    ['lib/overlay/x.ts', "import { defineContentScript } from '#imports';", WXT_UI],
    // Nothing outside lib/portal names a portal label or route.
    ['entrypoints/content/x.ts', "import { LABELS } from '@/lib/portal/labels';", LABELS],
    ['components/Foo.tsx', "import { isLabel, PHRASES } from '@/lib/portal/labels';", LABELS],
    ['lib/migration/x.ts', "import * as labels from '../portal/labels';", LABELS],
    ['lib/api/x.ts', "import { STATUS_TEXT } from '../portal/labels';", LABELS],
    ['lib/migration/x.ts', "import { PORTAL_ORIGIN } from '../portal/routes';", ROUTES],
    ['entrypoints/content/x.ts', "import { PORTAL_ORIGIN } from '../../lib/portal/routes.ts';", ROUTES],
    // Nothing outside lib/api touches the token: not its reader, its storage key or its file.
    ['components/Foo.tsx', "import { readSessionToken } from '@/lib/api';", TOKEN],
    ['components/Foo.tsx', "export { readSessionToken } from '@/lib/api';", TOKEN],
    ['entrypoints/content/x.ts', "import { AUTH_STORAGE_KEY } from '@/lib/api/index';", TOKEN],
    ['entrypoints/content/features/x.ts', "import { readSessionToken } from '../../../lib/api/token';", TOKEN],
    ['lib/migration/x.ts', "import * as api from '../api';", TOKEN],
    ['lib/portal/x.ts', "import { readSessionToken } from '@/lib/api';", TOKEN],
    ['entrypoints/content/session.ts', "import { AUTH_STORAGE_KEY } from '@/lib/api';", TOKEN],
    ['entrypoints/content/session.ts', "import { readSessionToken } from '@/lib/api/token';", TOKEN],
    // The simulator imports nothing of the extension.
    ['tests/portal/api/x.ts', "import { CATALOG } from '@/lib/catalog';", SIMULATOR],
    ['tests/portal/app/x.ts', "import { Banner } from '../../../components/Banner';", SIMULATOR],
    ['tests/portal/serve.ts', "import { parseRoute } from '../../lib/portal/routes';", SIMULATOR],
    ['tests/portal/api/x.ts', "import type { MigrationRecord } from '@/lib/migration/types';", SIMULATOR],
  ];

  it.each(violations)('%s: %s', async (path, code, message) => {
    const messages = await boundaryMessages(path, code);
    // One message per restricted name imported.
    expect(messages.length).toBeGreaterThan(0);
    for (const m of messages) expect(m).toContain(message);
  });
});

describe('lint lets the architecture through', () => {
  const allowed: Array<[string, string]> = [
    // The one content-script file that creates the session client hands it the token reader.
    ['entrypoints/content/session.ts', "import { createSessionClient, readSessionToken } from '@/lib/api';"],
    ['lib/api/client.ts', "import { readSessionToken } from './token';"],
    ['components/Foo.tsx', "import { createSessionClient, type SessionClient } from '@/lib/api';"],
    // Pages are recognised through lib/portal's functions (the design's data flow, step 1).
    ['entrypoints/content/index.tsx', "import { parseRoute, routeLanguage } from '@/lib/portal/routes';"],
    ['lib/migration/steps/deps.ts', "import { type PageKind, parseRoute } from '@/lib/portal/routes';"],
    ['entrypoints/content/page.ts', "import type { PortalRoute } from '@/lib/portal/routes';"],
    ['entrypoints/migrate-panel/x.ts', "import { isLabelKey, type LabelKey, labelText } from '@/lib/portal/labels';"],
    ['entrypoints/migrate-panel/x.ts', "import { PAGE_NAMES } from '@/lib/portal/navigate';"],
    // Inside lib/portal, labels and routes are its own business.
    ['lib/portal/pages/x.ts', "import { LABELS } from '../labels';\nimport { PORTAL_ORIGIN } from '../routes';"],
    // lib uses lib, and the WXT parts that are not UI.
    ['lib/migration/x.ts', "import { t } from '@/lib/i18n';\nimport { browser } from 'wxt/browser';"],
    // Components and entry points use lib; the end-to-end tests may too.
    ['entrypoints/content/x.tsx', "import { MigratePanel } from '@/components/MigratePanel';"],
    ['tests/e2e/x.spec.ts', "import { CATALOG } from '../../lib/catalog';"],
    // The simulator imports its own code and packages.
    ['tests/portal/api/x.ts', "import { handler } from './handler';\nimport { z } from 'zod';\nimport { LABELS } from '../app/labels.js';"],
  ];

  it.each(allowed)('%s: %s', async (path, code) => {
    expect(await boundaryMessages(path, code)).toEqual([]);
  });
});

/** The messages of the rule that keeps the script every portal page loads small (type imports pass). */
async function lightMessages(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(root, path) });
  return (result?.messages ?? []).filter((m) => m.ruleId === '@typescript-eslint/no-restricted-imports').map((m) => m.message);
}

describe('lint keeps the script every portal page loads small', () => {
  it.each([
    ['entrypoints/content/x.ts', "import { t } from '@/lib/i18n';"],
    ['entrypoints/content/features/x.tsx', "import { builtInCatalog } from '@/lib/catalog';"],
    ['components/Banner.tsx', "import { pickReplacement } from '@/lib/recommend';"],
    ['lib/overlay/from-api.ts', "import { assessRetiring } from './assess';"],
    ['entrypoints/content/x.ts', "import { MigratePanels } from '../migrate-panel/panels';"],
    ['entrypoints/content/retiring.ts', "import { migrations } from '@/lib/store/client';"],
    ['entrypoints/content/features/x.tsx', "import { MigratePanel } from '@/components/MigratePanel';"],
    ['components/Banner.tsx', "import { PanelEnds } from './PanelEnds';"],
  ])('%s: %s is refused', async (path, code) => {
    const messages = await lightMessages(path, code);
    expect(messages.length).toBeGreaterThan(0);
    for (const m of messages) expect(m).toContain('The script every portal page loads must stay small');
  });

  it.each([
    ['entrypoints/content/x.ts', "import { t } from '@/lib/i18n/overlay';"],
    ['entrypoints/content/x.ts', "import type { MessageKey } from '@/lib/i18n';"],
    ['entrypoints/content/x.ts', "import type { RetiringItem } from '@/lib/overlay/assess';"],
    ['entrypoints/migrate-panel/x.ts', "import { t } from '@/lib/i18n';"],
    ['entrypoints/assess/index.ts', "import { builtInCatalog } from '@/lib/catalog';"],
  ])('%s: %s passes', async (path, code) => {
    expect(await lightMessages(path, code)).toEqual([]);
  });
});

interface CheckStyle {
  ROUTE_FAMILIES: string[];
  styleProblems(file: string, text: string): string[];
}
// Imported by URL: the script is plain JavaScript without type declarations.
const checkStyle = (await import(pathToFileURL(join(root, 'scripts/check-style.mjs')).href)) as CheckStyle;

describe('the house rule on portal routes (scripts/check-style.mjs)', () => {
  it('knows every path family lib/portal/routes.ts recognises', () => {
    const source = readFileSync(join(root, 'lib/portal/routes.ts'), 'utf8');
    const list = /const FAMILIES = \[([^\]]*)\]/.exec(source)?.[1] ?? '';
    const families = [...list.matchAll(/'([^']+)'/g)].map((m) => m[1]);
    expect(families).toContain('/pcv/customers');
    expect([...checkStyle.ROUTE_FAMILIES].sort()).toEqual([...families].sort());
  });

  it.each(['/dashboard/v2/customers', '/dashboard/commerce2/customers', '/commerce/customers', '/pcv/customers'])(
    'flags %s outside lib/portal, in any case',
    (family) => {
      for (const file of ['entrypoints/content/x.ts', 'components/Foo.tsx', 'lib/migration/x.ts']) {
        for (const text of [`const url = '${family}/' + id;`, `go(\`${family.toUpperCase()}/\${id}/users\`);`]) {
          expect(checkStyle.styleProblems(file, `// first line\n${text}`)).toEqual([
            `${file}:2: names a portal route outside lib/portal/`,
          ]);
        }
      }
    },
  );

  it('leaves lib/portal, tests and API paths alone', () => {
    const route = "const url = '/pcv/customers/' + id;";
    expect(checkStyle.styleProblems('lib/portal/routes.ts', route)).toEqual([]);
    expect(checkStyle.styleProblems('lib/migration/x.test.ts', route)).toEqual([]);
    expect(checkStyle.styleProblems('tests/e2e/x.spec.ts', route)).toEqual([]);
    expect(checkStyle.styleProblems('lib/api/paths.ts', "const path = `/v1/customers/${id}/users`;")).toEqual([]);
  });
});
