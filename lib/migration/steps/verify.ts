import type { ApiResult, SessionClient } from '@/lib/api';
import type { LicensedUser } from './users';

type Reads = Pick<SessionClient, 'listUsers' | 'getUserLicenses'>;

/**
 * Every user of the tenant with the license SKUs they hold. One request per user (the API has no
 * "users holding SKU x" query); the client bounds how many run at once.
 */
export async function readLicensedUsers(
  api: Reads,
  tenantId: string,
  signal: AbortSignal,
  onProgress?: (done: number, total: number) => void,
): Promise<ApiResult<LicensedUser[]>> {
  const users = await api.listUsers(tenantId, { signal });
  if (!users.ok) return users;
  let done = 0;
  const licensed = await Promise.all(
    users.data.map(async (u) => {
      const licenses = await api.getUserLicenses(tenantId, u.id, { signal });
      onProgress?.(++done, users.data.length);
      return licenses.ok
        ? {
            ok: true as const,
            user: {
              id: u.id.toLowerCase(),
              displayName: u.displayName,
              upn: u.userPrincipalName,
              skuIds: licenses.data.map((l) => l.productSku.id.toLowerCase()),
            },
          }
        : licenses;
    }),
  );
  const failed = licensed.find((r) => !r.ok);
  if (failed && !failed.ok) return failed;
  return { ok: true, data: licensed.flatMap((r) => (r.ok ? [r.user] : [])) };
}

/** Polls until `check` yields a value or the time runs out (provisioning takes seconds). */
export async function poll<T>(
  check: () => Promise<T | null>,
  options: { signal: AbortSignal; everyMs: number; timeoutMs: number },
): Promise<T | null> {
  const end = Date.now() + options.timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== null || options.signal.aborted || Date.now() >= end) return value;
    await new Promise((resolve) => setTimeout(resolve, options.everyMs));
  }
}

/**
 * Whether a creation date is not before the intent. Timestamps allow two minutes of clock skew between
 * this machine and Partner Center; a date without a time counts from the intent's day.
 */
export function createdSince(creationDate: string | null | undefined, intentAt: number): boolean {
  if (!creationDate) return false;
  if (creationDate.includes('T')) return Date.parse(creationDate) >= intentAt - 120_000;
  return creationDate.slice(0, 10) >= new Date(intentAt).toISOString().slice(0, 10);
}
