// Serves the simulated Partner Center to real Chromium at its real addresses, through Playwright
// request routing: https://partner.microsoft.com/** answers with the SPA (index.html for every portal
// path, the app's TypeScript transpiled on the fly under /_sim/app/), and
// https://api.partnercenter.microsoft.com/** is answered by the simulated API. The portal's own backend
// (/_sim/bff/, see api/bff.ts) batches per-user calls into one routed request. Nothing listens on a
// port, so tests run in parallel without clashing.
import { readdir, readFile, stat } from 'node:fs/promises';
import { dirname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BrowserContext, Request, Route } from '@playwright/test';
import ts from 'typescript';
import { BFF_PREFIX, handleBff } from './api/bff';
import {
  API_BASE,
  API_ORIGIN,
  PORTAL_ORIGIN,
  SimulatedPartnerCenter,
  type SimulatedPartnerCenterOptions as SimOptions,
} from './api/handler';

export { API_BASE, API_ORIGIN, PORTAL_ORIGIN };

export interface PortalOptions {
  /** Scenario for a new simulator (default `demo`); ignored when `sim` is given. */
  scenario?: string;
  /** The signed-in partner user's role (default: the simulator's, an admin agent). */
  role?: SimOptions['role'];
  /** The simulator's clock (default: the simulator's). */
  now?: Date;
  /** Faults for a new simulator (throttling, 5xx, latency ...); see tests/portal/api/faults.ts. */
  faults?: SimOptions['faults'];
  /** How long a new order takes to provision its subscriptions (simulator default otherwise). */
  provisioningDelayMs?: number;
  /** A simulator to share (e.g. one already prepared by the test); the options above are then ignored. */
  sim?: SimulatedPartnerCenter;
  /** How long grid rows stay skeleton placeholders before real rows replace them (default 600). */
  skeletonDelayMs?: number;
  /**
   * Page parts that never fill (they stay skeleton / busy forever): 'customers-grid',
   * 'subscriptions-grid', 'subscription-detail', 'offers-grid', 'users-grid', 'licenses-grid',
   * 'customer-account', 'customer-header', 'order-status'.
   */
  neverRender?: string[];
  /** Changed labels, keyed by the English label or by the text the page would show. */
  labelOverrides?: Record<string, string>;
  /** Rows per page of the customer and user grids (default 20). */
  pageSize?: number;
  /** `size=` of the page's collection requests (default 300, as the live portal asks). */
  apiPageSize?: number;
  /** The users grid clears its selection on every page turn (default: the selection is kept). */
  selectionPerPage?: boolean;
  /** Offer ids (any case) that a new simulator's `GET /offers` leaves out (retired offers leave the catalog). */
  hiddenOffers?: string[];
  /**
   * Manage licenses' Save takes this long (default 0): the portal's backend waits, then applies the
   * changes; meanwhile Save is disabled and the page shows a "Saving…" progressbar (its region aria-busy).
   */
  saveDelayMs?: number;
  /**
   * Manage licenses' Save applies the changes but the page never shows "Licenses updated": the
   * progressbar stays for good (default false). The API alone tells what happened.
   */
  confirmationLost?: boolean;
  /**
   * An offer name (any case) the Add subscription cart adds by itself, quantity 1, next to the agent's
   * lines on Add to cart; the cart and Review show it and Submit orders it too (default none).
   */
  extraCartLine?: string;
  /**
   * Users the users grid adds to the selection when Manage licenses is clicked (default 0): that many
   * users of the grid's first page whom the agent did not tick, listed and saved like the ticked ones.
   */
  extraSelectedUsers?: number;
}

/** A request the browser sent to the API, as routed (header names in lower case). */
export interface SeenApiRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string | null;
  status: number;
}

export interface InstalledPortal {
  sim: SimulatedPartnerCenter;
  /** Every API request the browser made through this context, in the order they were answered. */
  apiRequests: SeenApiRequest[];
  /** An absolute portal URL for a path (`/dashboard/v2/customers/list`). */
  url(path: string): string;
  /** Removes both routes from the context. */
  uninstall(): Promise<void>;
}

const APP_DIR = join(dirname(fileURLToPath(import.meta.url)), 'app');
const APP_PREFIX = '/_sim/app/';

/** Transpiled app modules, shared by every context of this worker (keyed by file and mtime). */
const moduleCache = new Map<string, { mtimeMs: number; code: string }>();

async function appModule(pathname: string): Promise<string | null> {
  const relative = pathname.slice(APP_PREFIX.length).replace(/\.js$/, '.ts');
  const file = normalize(resolve(APP_DIR, relative));
  // Only files of the app itself, never a path that climbs out of it.
  if (!file.startsWith(APP_DIR + sep) || !file.endsWith('.ts')) return null;
  let mtimeMs: number;
  try {
    mtimeMs = (await stat(file)).mtimeMs;
  } catch {
    return null;
  }
  const cached = moduleCache.get(file);
  if (cached && cached.mtimeMs === mtimeMs) return cached.code;
  const source = await readFile(file, 'utf8');
  const { outputText } = ts.transpileModule(source, {
    fileName: file,
    compilerOptions: {
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.ES2022,
      // Class fields initialised in declaration order, as the app's code reads them.
      useDefineForClassFields: true,
      verbatimModuleSyntax: false,
      sourceMap: false,
    },
  });
  moduleCache.set(file, { mtimeMs, code: outputText });
  return outputText;
}

let appModules: Promise<string[]> | undefined;

/** Every module of the app, as URLs; preloaded together so loading is one round, not a waterfall. */
function appModuleUrls(): Promise<string[]> {
  appModules ??= readdir(APP_DIR, { recursive: true }).then((files) =>
    files
      .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))
      .map((f) => `${APP_PREFIX}${f.split(sep).join('/').replace(/\.ts$/, '.js')}`)
      .sort(),
  );
  return appModules;
}

function indexHtml(pathname: string, boot: Record<string, unknown>, modules: string[]): string {
  // JSON inside <script>: escape '<' so no value can close the element.
  const json = JSON.stringify(boot).replace(/</g, '\\u003c');
  const lang = /^\/ko-kr(\/|$)/i.test(pathname) ? 'ko-KR' : 'en-US';
  return [
    '<!doctype html>',
    `<html lang="${lang}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<title>Partner Center</title>',
    // Routing disables Chromium's HTTP cache, so without preloading each page load would fetch the
    // modules one import level at a time.
    ...modules.map((m) => `<link rel="modulepreload" href="${m}">`),
    `<script>globalThis.__PCSIM_BOOT__ = ${json};</script>`,
    `<script type="module" src="${APP_PREFIX}main.js"></script>`,
    '</head>',
    '<body style="margin:0"></body>',
    '</html>',
  ].join('\n');
}

/** A route answered after its page or context closed fails; that is not the test's concern. */
function ignoreClosed(error: unknown): void {
  const message = error instanceof Error ? error.message : String(error);
  if (!/closed|disposed|already handled/i.test(message)) throw error;
}

export async function installPortal(context: BrowserContext, options: PortalOptions = {}): Promise<InstalledPortal> {
  const sim =
    options.sim ??
    new SimulatedPartnerCenter({
      scenario: options.scenario ?? 'demo',
      ...(options.role ? { role: options.role } : {}),
      ...(options.now ? { now: options.now } : {}),
      ...(options.faults ? { faults: options.faults } : {}),
      ...(options.provisioningDelayMs !== undefined ? { provisioningDelayMs: options.provisioningDelayMs } : {}),
      ...(options.hiddenOffers ? { hiddenOffers: options.hiddenOffers } : {}),
    });
  const bffOptions = { saveDelayMs: options.saveDelayMs ?? 0 };
  const apiRequests: SeenApiRequest[] = [];

  const portal = async (route: Route) => {
    const url = new URL(route.request().url());
    if (url.pathname.startsWith(APP_PREFIX)) {
      const code = await appModule(url.pathname);
      if (code === null) return route.fulfill({ status: 404, contentType: 'text/plain', body: 'not found' });
      return route.fulfill({ status: 200, contentType: 'text/javascript; charset=utf-8', body: code });
    }
    if (url.pathname.startsWith(BFF_PREFIX)) {
      const request = route.request();
      // Not in apiRequests (those are the browser's own API calls); sim.log gets every call it makes.
      const response = await handleBff(
        sim,
        { method: request.method(), pathname: url.pathname, headers: request.headers(), body: request.postData() },
        bffOptions,
      );
      return route.fulfill({ status: response.status, headers: response.headers, body: response.body });
    }
    if (url.pathname === '/favicon.ico') return route.fulfill({ status: 204, body: '' });
    const boot = {
      token: sim.token,
      apiBase: API_BASE,
      skeletonDelayMs: options.skeletonDelayMs ?? 600,
      neverRender: options.neverRender ?? [],
      labelOverrides: options.labelOverrides ?? {},
      pageSize: options.pageSize ?? 20,
      apiPageSize: options.apiPageSize ?? 300,
      now: sim.now().toISOString(),
      selectionPerPage: options.selectionPerPage ?? false,
      saveDelayMs: options.saveDelayMs ?? 0,
      confirmationLost: options.confirmationLost ?? false,
      extraCartLine: options.extraCartLine ?? null,
      extraSelectedUsers: options.extraSelectedUsers ?? 0,
    };
    return route.fulfill({
      status: 200,
      contentType: 'text/html; charset=utf-8',
      headers: { 'cache-control': 'no-store' },
      body: indexHtml(url.pathname, boot, await appModuleUrls()),
    });
  };

  const api = async (route: Route) => {
    const request: Request = route.request();
    // headers() already carries everything the simulator reads (authorization, ms-requestid,
    // ms-correlationid, if-match, ms-continuationtoken) for the page's and a content script's fetches;
    // allHeaders() would cost one more protocol round trip per request.
    const headers = request.headers();
    const body = request.postData();
    const response = await sim.handle({ method: request.method(), url: request.url(), headers, body });
    apiRequests.push({ method: request.method(), url: request.url(), headers, body, status: response.status });
    // The page may be gone by the time a slow (latency-faulted) answer is ready.
    await route.fulfill({ status: response.status, headers: response.headers, body: response.body });
  };

  // The page may be gone by the time a slow (latency-faulted) answer is ready.
  const portalHandler = (route: Route) => portal(route).catch(ignoreClosed);
  const apiHandler = (route: Route) => api(route).catch(ignoreClosed);
  await context.route(`${PORTAL_ORIGIN}/**`, portalHandler);
  await context.route(`${API_ORIGIN}/**`, apiHandler);
  return {
    sim,
    apiRequests,
    url: (path: string) => `${PORTAL_ORIGIN}${path.startsWith('/') ? path : `/${path}`}`,
    async uninstall() {
      await context.unroute(`${PORTAL_ORIGIN}/**`, portalHandler);
      await context.unroute(`${API_ORIGIN}/**`, apiHandler);
    },
  };
}
