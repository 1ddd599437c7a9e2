import type * as z from 'zod/mini';
import { type ApiResult, fail, ok } from './errors';
import type { Target } from './request';
import { Collection } from './schemas';

/**
 * Seek-based paging as Partner Center does it: the first request names `size`; each page's
 * `links.next` names the next request (`uri` relative to /v1, with `seekOperation=Next`) and the
 * `MS-ContinuationToken` header that must travel with it. The last page has no `next`.
 */

/** Far beyond any real tenant (300 000 customers at 300 a page); stops a server that never ends. */
export const MAX_PAGES = 1000;

type Fetch = <S extends z.ZodMiniType>(
  target: Target,
  schema: S,
  signal?: AbortSignal,
) => Promise<ApiResult<z.output<S>>>;

/** One page of a collection: its items, the API's total when it says, and the request for the next page. */
export interface Page<T> {
  items: T[];
  totalCount: number | null;
  /** The next page's request (plain data: it can be stored and sent later), or null on the last page. */
  next: Target | null;
}

/** Reads one page at `target` (the first request, or a `next` from an earlier page). */
export async function readPage<T extends z.ZodMiniType>(
  get: Fetch,
  target: Target,
  item: T,
  signal?: AbortSignal,
): Promise<ApiResult<Page<z.output<T>>>> {
  const result = await get(target, Collection(item), signal);
  if (!result.ok) return result;
  const next = result.data.links?.next;
  return ok({
    items: result.data.items as z.output<T>[],
    totalCount: result.data.totalCount ?? null,
    next: next ? { path: next.uri, headers: next.headers.map(({ key, value }) => ({ key, value })) } : null,
  });
}

/** What identifies a page request for the loop guard: its continuation token, else its path. */
function pageKey(target: Target): string {
  const token = target.headers?.find((h) => h.key.toLowerCase() === 'ms-continuationtoken');
  return token ? `token:${token.value}` : `uri:${target.path}`;
}

/**
 * The pages of a collection, one result per page, lazily: nothing is requested until the consumer
 * asks for the next page, so a UI that stops early (breaks out of `for await`) stops the reads.
 * After a failed page the iteration ends with that failure.
 */
export async function* pages<T extends z.ZodMiniType>(
  get: Fetch,
  first: Target,
  item: T,
  signal?: AbortSignal,
): AsyncGenerator<ApiResult<z.output<T>[]>, void, undefined> {
  const seen = new Set<string>();
  let target: Target = first;
  for (let page = 1; ; page += 1) {
    const result = await readPage(get, target, item, signal);
    if (!result.ok) {
      yield result;
      return;
    }
    yield ok(result.data.items);
    const next = result.data.next;
    if (!next) return;
    const key = pageKey(next);
    // A repeated token would read the same pages forever; the cap covers tokens that never repeat.
    if (seen.has(key) || page >= MAX_PAGES) {
      yield fail('malformed', next.path, { description: 'paging does not end (continuation repeats)' });
      return;
    }
    seen.add(key);
    target = next;
  }
}

/** Every item of every page, or the first failure (partial lists are not returned as if complete). */
export async function allPages<T>(iterator: AsyncIterable<ApiResult<T[]>>): Promise<ApiResult<T[]>> {
  const items: T[] = [];
  for await (const page of iterator) {
    if (!page.ok) return page;
    items.push(...page.data);
  }
  return ok(items);
}
