import { isPlaceholder } from '@/lib/catalog/schema';

/**
 * Identifier helpers. The offers API writes GUIDs in upper case and licenses write them in lower
 * case (contract, section 3), so every comparison ignores case. A catalog placeholder stands for an
 * id Microsoft never published: it must never equal anything, not even another placeholder.
 */
export const normId = (id: string): string => id.trim().toLowerCase();

export const sameId = (a: string | null | undefined, b: string | null | undefined): boolean =>
  !!a && !!b && !isPlaceholder(a) && !isPlaceholder(b) && normId(a) === normId(b);

/** Names typed by people and by two API surfaces differ in case and spacing only, never in words. */
export const sameName = (a: string, b: string): boolean =>
  a.trim().replace(/\s+/g, ' ').toLowerCase() === b.trim().replace(/\s+/g, ' ').toLowerCase();

export const isWholeCount = (n: unknown): n is number => typeof n === 'number' && Number.isInteger(n) && n >= 0;
