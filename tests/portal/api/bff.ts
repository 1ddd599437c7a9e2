// The simulated portal's own backend-for-frontend, served by serve.ts on the portal origin under
// /_sim/bff/. Each routed browser request costs Playwright round trips, so the Users and Manage
// licenses pages ask here once for what they would otherwise ask the API user by user. Every
// underlying call still goes through `sim.handle()` with the page's Authorization header, so role
// checks (a Sales agent's 403), faults (throttling, 5xx, latency) and `sim.log` see the same API calls
// as when the page made them one by one.
import { STATUS_CODES } from 'node:http';
import { z } from 'zod';
import { API_BASE, type SimulatedPartnerCenter } from './handler';
import { guidFor } from './prng';
import type { SimResponse } from './types';

export const BFF_PREFIX = '/_sim/bff/';

const SUSPENSION = /^\/_sim\/bff\/customers\/([^/]+)\/subscriptions\/([^/]+)\/suspension$/;
const USER_LICENSES = /^\/_sim\/bff\/customers\/([^/]+)\/users\/licenses$/;
const LICENSE_UPDATES = /^\/_sim\/bff\/customers\/([^/]+)\/users\/licenseupdates$/;

/** Reads per request in flight at once: enough to overlap latency faults, few enough to stay polite. */
const READ_CONCURRENCY = 8;
/** More users than any scenario has; a bigger list is a bug in the page, not a workload. */
const MAX_USERS = 10_000;

/** A failed API call as the page shows it (the same rules as the page's own API client). */
export interface BffFailure {
  status: number;
  code: number | string | null;
  description: string;
}

/** `POST /_sim/bff/customers/{tenant}/users/licenses` */
export interface UserLicensesRequest {
  userIds: string[];
  /** Also read each user (GET users/{id}) for its display name (default true). */
  displayNames?: boolean;
}

export interface UserLicensesResult {
  userId: string;
  /** Null when not asked for or when the user could not be read (the page then shows the id). */
  displayName: string | null;
  /** The `items` of GET users/{id}/licenses; null when that read failed. */
  licenses: unknown[] | null;
  /** Why the licenses could not be read. */
  error: BffFailure | null;
}

export interface UserLicensesResponse {
  users: UserLicensesResult[];
}

/** `POST /_sim/bff/customers/{tenant}/users/licenseupdates` */
export interface LicenseUpdatesRequest {
  updates: Array<{
    userId: string;
    licensesToAssign: Array<{ skuId: string; excludedPlans: string[] | null }>;
    licensesToRemove: string[] | null;
  }>;
}

export interface LicenseUpdateResult {
  userId: string;
  /** The API's status for this user's licenseupdates POST. */
  status: number;
  /** The API's body: the LicenseUpdate, or its error body (null when it could not be read). */
  body: unknown;
  error: BffFailure | null;
}

export interface LicenseUpdatesResponse {
  results: LicenseUpdateResult[];
}

/** How the backend behaves beyond the API it calls (serve.ts passes the test's portal options). */
export interface BffOptions {
  /** A Manage licenses save waits this long, then applies the changes (nothing changes before). */
  saveDelayMs?: number;
}

/** A request to the portal origin, as serve.ts hands it over (header names in any case). */
export interface BffRequest {
  method: string;
  pathname: string;
  headers: Record<string, string>;
  body: string | null;
}

const userLicensesSchema = z.strictObject({
  userIds: z.array(z.string().min(1)).max(MAX_USERS),
  displayNames: z.boolean().optional(),
});

// The license lists are passed through as sent: the API checks their items and answers per user.
const licenseUpdatesSchema = z.strictObject({
  updates: z
    .array(
      z.strictObject({
        userId: z.string().min(1),
        licensesToAssign: z.array(z.unknown()),
        licensesToRemove: z.array(z.unknown()).nullable(),
      }),
    )
    .max(MAX_USERS),
});

function json(status: number, body: unknown, extra: Record<string, string> = {}): SimResponse {
  return {
    status,
    headers: { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', ...extra },
    body: JSON.stringify(body),
  };
}

function parseBody<T>(schema: z.ZodType<T>, raw: string | null): { value: T } | { error: SimResponse } {
  let value: unknown;
  try {
    value = JSON.parse(raw ?? '');
  } catch {
    return { error: json(400, { code: null, description: 'The request body is not valid JSON.' }) };
  }
  const parsed = schema.safeParse(value);
  if (parsed.success) return { value: parsed.data };
  const issue = parsed.error.issues[0];
  const where = issue?.path.length ? issue.path.join('.') : 'body';
  return {
    error: json(400, { code: null, description: `The request body is not valid: ${where}: ${issue?.message ?? ''}` }),
  };
}

/** What the page's API client makes of an answer: the failure it would show, or null on success. */
function failureOf(status: number, body: unknown, readable: boolean): BffFailure | null {
  if (status >= 200 && status < 300) {
    // A cut-off body on a success is still a failure the person must see.
    return readable ? null : { status, code: null, description: 'The response could not be read.' };
  }
  if (body && typeof body === 'object') {
    const b = body as Record<string, unknown>;
    if (typeof b.description === 'string') {
      const code = typeof b.code === 'number' || typeof b.code === 'string' ? b.code : null;
      return { status, code, description: b.description };
    }
    if (typeof b.message === 'string') return { status, code: null, description: b.message };
  }
  // The browser would fall back to the status text of the API's own response (words, never the number).
  return { status, code: null, description: STATUS_CODES[status] ?? 'The request failed.' };
}

interface Answer {
  status: number;
  body: unknown;
  error: BffFailure | null;
}

/** Runs `work` over `items` with at most `limit` in flight; results stay in the items' order. */
async function pooled<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

class Caller {
  private readonly authorization: string | undefined;
  private readonly correlationId: string | undefined;
  private readonly requestId: string | undefined;

  constructor(
    private readonly sim: SimulatedPartnerCenter,
    private readonly tenant: string,
    headers: Record<string, string>,
  ) {
    const lower: Record<string, string> = {};
    for (const [name, value] of Object.entries(headers)) lower[name.toLowerCase()] = value;
    this.authorization = lower.authorization;
    this.correlationId = lower['ms-correlationid'];
    this.requestId = lower['ms-requestid'];
  }

  /** One API call on the page's behalf; `key` names it within this BFF request (for its MS-RequestId). */
  async call(method: string, path: string, key: string, body?: unknown): Promise<Answer> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (this.authorization !== undefined) headers.authorization = this.authorization;
    if (this.correlationId !== undefined) headers['ms-correlationid'] = this.correlationId;
    // Derived from the page's id, so each call has its own and a repeated BFF request repeats them
    // (a retried save is then replayed by the API instead of applied twice).
    if (this.requestId !== undefined) headers['ms-requestid'] = guidFor(`bff:${this.requestId}:${key}`);
    if (body !== undefined) headers['content-type'] = 'application/json';
    const response = await this.sim.handle({
      method,
      url: `${API_BASE}/customers/${encodeURIComponent(this.tenant)}${path}`,
      headers,
      body: body === undefined ? null : JSON.stringify(body),
    });
    let parsed: unknown = null;
    let readable = true;
    try {
      parsed = response.body ? JSON.parse(response.body) : null;
    } catch {
      readable = false;
    }
    return { status: response.status, body: parsed, error: failureOf(response.status, parsed, readable) };
  }
}

async function userLicenses(caller: Caller, request: UserLicensesRequest): Promise<UserLicensesResponse> {
  const names = request.displayNames ?? true;
  type Task = { index: number; kind: 'licenses' | 'user'; userId: string };
  const tasks: Task[] = [];
  request.userIds.forEach((userId, index) => {
    tasks.push({ index, kind: 'licenses', userId });
    if (names) tasks.push({ index, kind: 'user', userId });
  });
  const answers = await pooled(tasks, READ_CONCURRENCY, (task) => {
    const user = `/users/${encodeURIComponent(task.userId)}`;
    return task.kind === 'licenses'
      ? caller.call('GET', `${user}/licenses`, `licenses:${task.index}`)
      : caller.call('GET', user, `user:${task.index}`);
  });
  const users: UserLicensesResult[] = request.userIds.map((userId) => ({
    userId,
    displayName: null,
    licenses: null,
    error: null,
  }));
  tasks.forEach((task, i) => {
    const answer = answers[i];
    const result = users[task.index];
    if (!answer || !result) return;
    const body = answer.body && typeof answer.body === 'object' ? (answer.body as Record<string, unknown>) : {};
    if (task.kind === 'user') {
      // A user that cannot be read is still listed, by id, as the page always did.
      if (!answer.error && typeof body.displayName === 'string') result.displayName = body.displayName;
    } else if (answer.error) {
      result.error = answer.error;
    } else {
      result.licenses = Array.isArray(body.items) ? body.items : null;
    }
  });
  return { users };
}

async function licenseUpdates(
  caller: Caller,
  request: z.infer<typeof licenseUpdatesSchema>,
  delayMs: number,
): Promise<LicenseUpdatesResponse> {
  // A slow save applies at the end of the wait: until then the API shows nothing changed.
  if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));
  const results: LicenseUpdateResult[] = [];
  // One after another, in the page's order: cheap in-process, and seats run out in a predictable order.
  for (const [index, update] of request.updates.entries()) {
    const answer = await caller.call(
      'POST',
      `/users/${encodeURIComponent(update.userId)}/licenseupdates`,
      `licenseupdates:${index}:${update.userId}`,
      { licensesToAssign: update.licensesToAssign, licensesToRemove: update.licensesToRemove },
    );
    results.push({ userId: update.userId, ...answer });
  }
  return { results };
}

/** When the simulator suspended a subscription (its state keeps it; the API resource does not). */
function suspendedAt(sim: SimulatedPartnerCenter, customerId: string, subscriptionId: string): string | null {
  const record = sim
    .customer(customerId)
    ?.subscriptions.find((r) => r.resource.id.toLowerCase() === subscriptionId.toLowerCase());
  return record?.suspendedAt ?? null;
}

function onlyPost(method: string): SimResponse | null {
  if (method.toUpperCase() === 'POST') return null;
  return json(405, { code: null, description: `${method} is not supported here.` }, { Allow: 'POST' });
}

/** Answers a request under /_sim/bff/ (404 for a path that is not one of its endpoints). */
export async function handleBff(
  sim: SimulatedPartnerCenter,
  request: BffRequest,
  options: BffOptions = {},
): Promise<SimResponse> {
  const { pathname } = request;
  const suspension = SUSPENSION.exec(pathname);
  if (suspension) {
    const at = suspendedAt(sim, decodeURIComponent(suspension[1] ?? ''), decodeURIComponent(suspension[2] ?? ''));
    return json(200, { suspendedAt: at });
  }
  const reads = USER_LICENSES.exec(pathname);
  if (reads) {
    const refused = onlyPost(request.method);
    if (refused) return refused;
    const parsed = parseBody(userLicensesSchema, request.body);
    if ('error' in parsed) return parsed.error;
    const caller = new Caller(sim, decodeURIComponent(reads[1] ?? ''), request.headers);
    return json(200, await userLicenses(caller, parsed.value));
  }
  const updates = LICENSE_UPDATES.exec(pathname);
  if (updates) {
    const refused = onlyPost(request.method);
    if (refused) return refused;
    const parsed = parseBody(licenseUpdatesSchema, request.body);
    if ('error' in parsed) return parsed.error;
    const caller = new Caller(sim, decodeURIComponent(updates[1] ?? ''), request.headers);
    return json(200, await licenseUpdates(caller, parsed.value, options.saveDelayMs ?? 0));
  }
  return json(404, { code: null, description: `No portal backend endpoint at ${pathname}.` });
}
