import { type StoreRequest, StoreResponse } from './messages';

/** Sends a request to the background store and checks the answer's shape before anyone uses it. */
export async function askStore(
  send: (message: unknown) => Promise<unknown>,
  request: StoreRequest,
): Promise<StoreResponse> {
  let raw: unknown;
  try {
    raw = await send(request);
  } catch {
    return { ok: false, error: 'store-failed' };
  }
  const parsed = StoreResponse.safeParse(raw);
  return parsed.success ? parsed.data : { ok: false, error: 'store-failed' };
}
