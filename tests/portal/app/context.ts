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

/**
 * An API failure written plainly for the person at the screen: the API's description only. The
 * contract promises no error code or HTTP status in the portal's texts, so none is shown here and an
 * extension cannot learn to read them from the page (it must ask the API what happened).
 */
export function errorText(ctx: AppContext, error: unknown): string {
  if (error instanceof ApiError) {
    if (error.status < 500) return error.description;
    return `${t(ctx, 'Something went wrong.')} ${error.description}`.trim();
  }
  return error instanceof Error ? error.message : String(error);
}

/** True when the error only means the page was left (its requests were aborted). */
export function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}
