// Collections and seek-based paging as Partner Center does it: the first request carries `size`; the
// response's `links.next` names the next request (`uri` relative to /v1 with `seekOperation=Next`) and
// a header `MS-ContinuationToken` that must travel with it. Tokens are opaque to the client; here they
// encode the position, bound to the collection they came from, so a token reused on another
// collection (or mangled) is refused instead of silently returning the wrong page.
import { fail } from './errors';
import type { Collection, Link } from './types';

/** Assumed: the page size when the client names none, and the largest page the service hands out. */
export const DEFAULT_PAGE_SIZE = 100;
export const MAX_PAGE_SIZE = 1000;

export function link(uri: string, headers: Link['headers'] = []): Link {
  return { uri, method: 'GET', headers };
}

export function collection<T>(items: T[], selfUri: string, next?: Link): Collection<T> {
  return {
    totalCount: items.length,
    items,
    links: next ? { self: link(selfUri), next } : { self: link(selfUri) },
    attributes: { objectType: 'Collection' },
  };
}

interface TokenContent {
  scope: string;
  offset: number;
  size: number;
  filter?: string;
}

function encodeToken(content: TokenContent): string {
  return Buffer.from(JSON.stringify({ v: 1, ...content }), 'utf8').toString('base64url');
}

function decodeToken(token: string): TokenContent | undefined {
  try {
    const raw = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as Record<string, unknown>;
    if (raw.v !== 1 || typeof raw.scope !== 'string') return undefined;
    if (typeof raw.offset !== 'number' || typeof raw.size !== 'number') return undefined;
    if (!Number.isInteger(raw.offset) || raw.offset < 0 || !Number.isInteger(raw.size) || raw.size < 1)
      return undefined;
    return {
      scope: raw.scope,
      offset: raw.offset,
      size: raw.size,
      ...(typeof raw.filter === 'string' ? { filter: raw.filter } : {}),
    };
  } catch {
    return undefined;
  }
}

export interface PageInput {
  /** Identifies the collection (e.g. `customers`, `users:<customerId>`); tokens only work within it. */
  scope: string;
  /** Path relative to /v1, without query, used for `self` and `next` links. */
  basePath: string;
  query: URLSearchParams;
  /** The request's MS-ContinuationToken header, if any. */
  continuationToken: string | undefined;
}

export interface PagePosition {
  offset: number;
  size: number;
  /** The raw `filter` query parameter in force (from the query or carried in the token). */
  filter: string | undefined;
}

function parseSize(raw: string | null): number {
  if (raw === null) return DEFAULT_PAGE_SIZE;
  const size = Number(raw);
  if (!Number.isInteger(size) || size < 1 || size > MAX_PAGE_SIZE) {
    fail('invalidInput', `The size parameter must be a whole number from 1 to ${MAX_PAGE_SIZE}; got "${raw}".`);
  }
  return size;
}

/** Where this request's page starts, from `size` or from the continuation token. */
export function pagePosition(input: PageInput): PagePosition {
  const seek = input.query.get('seekOperation');
  if (seek === null) {
    return { offset: 0, size: parseSize(input.query.get('size')), filter: input.query.get('filter') ?? undefined };
  }
  if (seek.toLowerCase() !== 'next') {
    fail('invalidInput', `Unsupported seekOperation "${seek}"; only Next is supported.`);
  }
  if (!input.continuationToken) {
    fail('invalidInput', 'seekOperation=Next requires the MS-ContinuationToken header.');
  }
  const token = decodeToken(input.continuationToken);
  if (!token || token.scope !== input.scope) {
    fail('invalidInput', 'The continuation token is not valid for this collection.');
  }
  return { offset: token.offset, size: token.size, filter: token.filter };
}

/**
 * One page of `all` (already filtered) at `position`. `totalCount` is the number of items in this page,
 * as Partner Center's seek-based collections report it; clients must follow `links.next`, not count.
 */
export function pageOf<T>(all: readonly T[], position: PagePosition, input: PageInput): Collection<T> {
  const items = all.slice(position.offset, position.offset + position.size);
  const nextOffset = position.offset + items.length;
  const filterParam = position.filter === undefined ? '' : `&filter=${encodeURIComponent(position.filter)}`;
  const selfUri =
    position.offset === 0
      ? `${input.basePath}?size=${position.size}${filterParam}`
      : `${input.basePath}?size=${position.size}&seekOperation=Next`;
  if (nextOffset >= all.length) return collection(items, selfUri);
  const token = encodeToken({
    scope: input.scope,
    offset: nextOffset,
    size: position.size,
    ...(position.filter === undefined ? {} : { filter: position.filter }),
  });
  const next = link(`${input.basePath}?size=${position.size}&seekOperation=Next`, [
    { key: 'MS-ContinuationToken', value: token },
  ]);
  return collection(items, selfUri, next);
}
