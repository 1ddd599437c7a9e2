import { RESPONSES, StoreRequest, type StoreResponseTo } from './messages';

/**
 * Sends a request to the background store and checks the answer against the shape that request
 * can get back, before anyone uses it. The request is checked too: a malformed one is answered
 * `bad-request` here, without a round trip. Never throws.
 */
export async function askStore<R extends StoreRequest>(
  send: (message: unknown) => Promise<unknown>,
  request: R,
): Promise<StoreResponseTo<R['type']>> {
  // The schemas are picked by the request's type at run time, which TypeScript cannot follow into
  // the generic return type: these two casts say what the lookup guarantees.
  type Answer = StoreResponseTo<R['type']>;
  if (!StoreRequest.safeParse(request).success) return { ok: false, error: 'bad-request' } as Answer;
  let raw: unknown;
  try {
    raw = await send(request);
  } catch {
    return { ok: false, error: 'store-failed' } as Answer;
  }
  const parsed = RESPONSES[request.type].safeParse(raw);
  return (parsed.success ? parsed.data : { ok: false, error: 'store-failed' }) as Answer;
}
