// What every page gets from the shell: where it is, its labels, the API client and the test's options.
import { type Api, ApiError } from './api.js';
import type { BootOptions } from './boot.js';
import type { LabelKey, Labels } from './labels.js';
import { buildPath, type Location, type Route } from './router.js';

export interface AppContext {
  loc: Location;
  labels: Labels;
  api: Api;
  boot: BootOptions;
  /** pushState navigation to a portal route in the current family and locale. */
  go(route: Exclude<Route, { page: 'not-found' }>): void;
  href(route: Exclude<Route, { page: 'not-found' }>): string;
  /** Renders the current URL again (Try again after a failed load). */
  reload(): void;
  /** The simulator's "now" (its clock at load plus time spent on the page). */
  now(): Date;
}

export function t(ctx: AppContext, key: LabelKey, values?: Record<string, string | number>): string {
  return ctx.labels.t(key, values);
}

export function makeHref(loc: Location, route: Exclude<Route, { page: 'not-found' }>): string {
  return buildPath(loc, route);
}

/** A date as the page's locale writes it ("July 1, 2025" / "2025년 7월 1일"); UTC so the day never shifts. */
export function formatDate(ctx: AppContext, iso: string | Date): string {
  const date = typeof iso === 'string' ? new Date(iso) : iso;
  if (Number.isNaN(date.getTime())) return String(iso);
  return new Intl.DateTimeFormat(ctx.loc.locale, {
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    timeZone: 'UTC',
  }).format(date);
}

/** Whether a named page part may fill (tests name parts that must stay skeleton forever). */
export function renders(ctx: AppContext, part: string): boolean {
  return !ctx.boot.neverRender.includes(part);
}

/** An API failure written plainly for the person at the screen. */
export function errorText(ctx: AppContext, error: unknown): string {
  if (error instanceof ApiError) {
    // The API's own code, the HTTP status and its description, word for word: a person can act on it.
    if (error.code !== null || error.status < 500) {
      return t(ctx, 'Error {code}: {description}', {
        code: error.code ?? error.status,
        status: error.status,
        description: error.description,
      });
    }
    return `${t(ctx, 'Something went wrong (HTTP {status})', { status: error.status })} ${error.description}`.trim();
  }
  return error instanceof Error ? error.message : String(error);
}

/** True when the error only means the page was left (its requests were aborted). */
export function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}
