import type * as z from 'zod/mini';
import { normalizeOfferName } from './normalize';
import { Catalog, isGuid, Retirement } from './schema';

export { type CatalogMatch, matchRetiredOffer } from './match';
export { normalizeOfferName } from './normalize';
export type {
  Audience,
  Catalog,
  Localized,
  PurchasableOffer,
  ReplacementPlan,
  RetiredOffer,
  Retirement,
  Step,
  StepId,
} from './schema';
export { isGuid, isPlaceholder } from './schema';

type Issue = z.core.$ZodIssue;

/** `retirements[0].retiredOffers[2].offerId`; '(root)' for the document itself. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? String(part) : `.${String(part)}`;
  }
  return out === '' ? '(root)' : out;
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const part of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<PropertyKey, unknown>)[part];
  }
  return value;
}

const EXPECTED: Record<string, string> = {
  string: 'a string',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  object: 'an object',
  array: 'an array',
  null: 'null',
};

function shown(value: unknown): string {
  if (Array.isArray(value)) return 'an array';
  if (value === null) return 'null';
  if (typeof value === 'object') return 'an object';
  const json = JSON.stringify(value) ?? String(value);
  return json.length > 40 ? `${json.slice(0, 40)}…` : json;
}

function problemOf(issue: Issue, input: unknown): string {
  // schema.ts words its own checks; zod/mini loads no locale, so every other issue says only
  // "Invalid input" and is worded here from its code.
  if (issue.message !== '' && issue.message !== 'Invalid input') return issue.message;
  switch (issue.code) {
    case 'invalid_type': {
      const expected = EXPECTED[issue.expected] ?? issue.expected;
      const value = valueAt(input, issue.path);
      return value === undefined ? `is required (${expected})` : `must be ${expected}, not ${shown(value)}`;
    }
    case 'invalid_value':
      return `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'too_small':
      if (issue.origin === 'array') return `must have at least ${issue.minimum} item(s)`;
      if (issue.origin === 'string') return `must be at least ${issue.minimum} character(s) long`;
      return `must be at least ${issue.minimum}`;
    case 'too_big':
      if (issue.origin === 'array') return `must have at most ${issue.maximum} item(s)`;
      if (issue.origin === 'string') return `must be at most ${issue.maximum} character(s) long`;
      return `must be at most ${issue.maximum}`;
    case 'invalid_format':
      return 'is not in the expected format';
    case 'unrecognized_keys':
      return `has unknown keys ${issue.keys.join(', ')}`;
    default:
      return 'is invalid';
  }
}

/** One line per issue, "<field path>: <problem>". `input` lets a missing field say so. */
export function formatIssues(error: { issues: readonly Issue[] }, input?: unknown): string[] {
  return error.issues.map((issue) => `${formatPath(issue.path)}: ${problemOf(issue, input)}`);
}

// The match index is cached per catalog object (match.ts): a catalog must not change after it has
// been built, so every catalog handed out here is frozen.
function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

interface Owner {
  key: string;
  where: string;
  offer: object;
}

/**
 * Conflicts of `added` retirements with `base` and with each other: a repeated retirement id, a
 * GUID offer id used twice, or an offer name whose key another offer already has (the matcher
 * would silently pick one of the two). `single` drops the "retirements[i]." prefix from paths,
 * for a file that holds one retirement object.
 */
function conflicts(base: readonly Retirement[], added: readonly Retirement[], single: boolean): string[] {
  const errors: string[] = [];
  const ids = new Map<string, string>();
  const offerIds = new Map<string, Owner>();
  const names = new Map<string, Owner>();
  const add = (r: Retirement, where: string, at: string | null) => {
    const fail = (path: string, problem: string) => {
      if (at !== null) errors.push(`${at}${path}: ${problem}`);
    };
    const seen = ids.get(r.id);
    if (seen) fail('id', `"${r.id}" is already used by ${seen}`);
    else ids.set(r.id, where);
    r.retiredOffers.forEach((offer, j) => {
      const here = `retiredOffers[${j}]`;
      const owner: Owner = { key: offer.key, where, offer };
      if (isGuid(offer.offerId)) {
        const id = offer.offerId.toLowerCase();
        const other = offerIds.get(id);
        if (other) fail(`${here}.offerId`, `"${offer.offerId}" is already the id of "${other.key}" in ${other.where}`);
        else offerIds.set(id, owner);
      }
      const spellings: Array<[string, string]> = [
        [`${here}.name.en`, offer.name.en],
        [`${here}.name.ko`, offer.name.ko],
        ...offer.aliases.map((alias, k): [string, string] => [`${here}.aliases[${k}]`, alias]),
      ];
      for (const [path, name] of spellings) {
        const key = normalizeOfferName(name);
        const other = names.get(key);
        if (key === '') fail(path, `"${name}" has no product words besides the qualified-offer and audience markers`);
        else if (other && other.offer !== offer)
          fail(path, `"${name}" names the same offer as "${other.key}" in ${other.where}`);
        else names.set(key, owner);
      }
    });
  };
  // Base retirements are registered without reporting: they have been checked already.
  for (const r of base) add(r, `built-in retirement "${r.id}"`, null);
  for (const [i, r] of added.entries()) {
    add(r, `retirement "${r.id}" of this catalog`, single ? '' : `retirements[${i}].`);
  }
  return errors;
}

function load(file: string, json: unknown): Retirement {
  const result = Retirement.safeParse(json);
  if (!result.success) throw new Error(`lib/catalog/data/${file}: ${formatIssues(result.error, json).join('; ')}`);
  return result.data;
}

// Validated at module load so that a broken data file fails every test and build, not a user.
// Every file in data/ is a retirement: adding one is dropping a file there (plus its tests).
// Sorted by name so the catalog's order never depends on the bundler.
const dataFiles = import.meta.glob<unknown>('./data/*.json', { eager: true, import: 'default' });
const builtIns = Object.keys(dataFiles)
  .sort()
  .map((path) => load(path.replace('./data/', ''), dataFiles[path]));
const builtInConflicts = conflicts([], builtIns, false);
if (builtInConflicts.length > 0) throw new Error(`lib/catalog/data: ${builtInConflicts.join('; ')}`);

export const builtInCatalog: Catalog = deepFreeze({ retirements: builtIns });

type Parsed = { ok: true; retirements: Retirement[]; single: boolean } | { ok: false; errors: string[] };

function parseSupplied(text: string): Parsed {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return { ok: false, errors: [`(root): not valid JSON: ${e instanceof Error ? e.message : String(e)}`] };
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return { ok: false, errors: ['(root): must be an object, either {"retirements": [...]} or one retirement'] };
  }
  const single = !('retirements' in data);
  let retirements: Retirement[];
  if (single) {
    const result = Retirement.safeParse(data);
    if (!result.success) return { ok: false, errors: formatIssues(result.error, data) };
    retirements = [result.data];
  } else {
    const result = Catalog.safeParse(data);
    if (!result.success) return { ok: false, errors: formatIssues(result.error, data) };
    retirements = result.data.retirements;
  }
  const errors = conflicts([], retirements, single);
  return errors.length > 0 ? { ok: false, errors } : { ok: true, retirements, single };
}

/**
 * A catalog supplied as JSON text: either `{"retirements": [...]}` or a single retirement object.
 * Each error reads "<field path>: <problem>".
 */
export function parseCatalogJson(text: string): { ok: true; catalog: Catalog } | { ok: false; errors: string[] } {
  const parsed = parseSupplied(text);
  if (!parsed.ok) return parsed;
  return { ok: true, catalog: deepFreeze({ retirements: parsed.retirements }) };
}
