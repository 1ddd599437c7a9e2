// What serve.ts hands the app in the inline bootstrap. The token is moved into sessionStorage
// (where the live portal keeps it) and the global is deleted, so nothing but sessionStorage holds it.

export interface BootOptions {
  token: string;
  apiBase: string;
  skeletonDelayMs: number;
  neverRender: string[];
  labelOverrides: Record<string, string>;
  /** Rows per grid page on the customer and user lists. */
  pageSize: number;
  /** `size=` of collection requests (the live portal asks for 300 customers at a time). */
  apiPageSize: number;
  /** The simulator's clock at page load (ISO), for dates the page computes itself. */
  now: string | null;
  /** The users grid forgets its selection when it turns a page (a portal version that selects per page). */
  selectionPerPage: boolean;
  /** Manage licenses' Save is slow (the portal's backend waits this long): the page shows it is working. */
  saveDelayMs: number;
  /** Manage licenses' Save applies the changes but the page never confirms them (it stays busy). */
  confirmationLost: boolean;
  /** An offer name the cart adds by itself (quantity 1) beside the agent's lines on Add to cart. */
  extraCartLine: string | null;
  /** Users of the grid's first page, not ticked, that Manage licenses adds to the selection. */
  extraSelectedUsers: number;
}

const GLOBAL = '__PCSIM_BOOT__';
export const SESSION_KEY = 'AuthContextData';

export function readBoot(): BootOptions {
  const holder = globalThis as unknown as Record<string, Partial<BootOptions> | undefined>;
  const raw = holder[GLOBAL] ?? {};
  delete holder[GLOBAL];
  return {
    token: raw.token ?? '',
    apiBase: raw.apiBase ?? 'https://api.partnercenter.microsoft.com/v1',
    skeletonDelayMs: raw.skeletonDelayMs ?? 600,
    neverRender: raw.neverRender ?? [],
    labelOverrides: raw.labelOverrides ?? {},
    pageSize: raw.pageSize ?? 20,
    apiPageSize: raw.apiPageSize ?? 300,
    now: raw.now ?? null,
    selectionPerPage: raw.selectionPerPage ?? false,
    saveDelayMs: raw.saveDelayMs ?? 0,
    confirmationLost: raw.confirmationLost ?? false,
    extraCartLine: raw.extraCartLine ?? null,
    extraSelectedUsers: raw.extraSelectedUsers ?? 0,
  };
}

/** Stores the session the way the live portal does (contract section 2). */
export function storeSession(token: string): void {
  sessionStorage.setItem(
    SESSION_KEY,
    JSON.stringify({ tokenMetadata: { accountsFirstPartyApp: { accessToken: token } } }),
  );
}

/** Every API call reads the token back from sessionStorage, as the live portal's client does. */
export function sessionToken(): string {
  const raw = sessionStorage.getItem(SESSION_KEY);
  if (!raw) return '';
  try {
    const parsed = JSON.parse(raw) as { tokenMetadata?: { accountsFirstPartyApp?: { accessToken?: unknown } } };
    const token = parsed.tokenMetadata?.accountsFirstPartyApp?.accessToken;
    return typeof token === 'string' ? token : '';
  } catch {
    return '';
  }
}
