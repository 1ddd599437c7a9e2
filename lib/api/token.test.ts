import { afterEach, describe, expect, it, vi } from 'vitest';
import { AUTH_STORAGE_KEY, readSessionToken } from './token';

const TOKEN = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhZ2VudCJ9.c2lnbmF0dXJl';

function storage(value: string | null): Pick<Storage, 'getItem'> {
  return { getItem: (key: string) => (key === AUTH_STORAGE_KEY ? value : null) };
}

const stored = (tokenMetadata: unknown) => JSON.stringify({ tokenMetadata, other: 1 });

describe('readSessionToken', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('reads tokenMetadata.accountsFirstPartyApp.accessToken', () => {
    expect(readSessionToken(storage(stored({ accountsFirstPartyApp: { accessToken: TOKEN, expiresOn: 1 } })))).toBe(
      TOKEN,
    );
  });

  it.each([
    ['no key', null],
    ['empty', ''],
    ['malformed JSON', '{"tokenMetadata":'],
    ['JSON null', 'null'],
    ['an array', '[1]'],
    ['no tokenMetadata', JSON.stringify({ x: 1 })],
    ['no app', stored({})],
    ['app is a string', stored({ accountsFirstPartyApp: 'x' })],
    ['token is a number', stored({ accountsFirstPartyApp: { accessToken: 42 } })],
    ['empty token', stored({ accountsFirstPartyApp: { accessToken: '' } })],
    ['token with a line break', stored({ accountsFirstPartyApp: { accessToken: 'abc\r\nX-Evil: 1' } })],
    ['token with spaces', stored({ accountsFirstPartyApp: { accessToken: 'a b' } })],
    ['huge token', stored({ accountsFirstPartyApp: { accessToken: 'a'.repeat(20_000) } })],
  ])('returns null for %s', (_name, value) => {
    expect(readSessionToken(storage(value))).toBeNull();
  });

  it('returns null when storage throws, without logging', () => {
    const spies = (['log', 'warn', 'error', 'info', 'debug'] as const).map((m) => vi.spyOn(console, m));
    const throwing = {
      getItem: () => {
        throw new Error('SecurityError');
      },
    };
    expect(readSessionToken(throwing)).toBeNull();
    for (const spy of spies) expect(spy).not.toHaveBeenCalled();
    vi.restoreAllMocks();
  });

  it('uses the page sessionStorage by default, reading it fresh each call', () => {
    let value = stored({ accountsFirstPartyApp: { accessToken: 'first' } });
    vi.stubGlobal('sessionStorage', { getItem: () => value });
    expect(readSessionToken()).toBe('first');
    value = stored({ accountsFirstPartyApp: { accessToken: 'refreshed' } });
    expect(readSessionToken()).toBe('refreshed');
  });

  it('returns null where there is no sessionStorage', () => {
    vi.stubGlobal('sessionStorage', undefined);
    expect(readSessionToken()).toBeNull();
  });
});
