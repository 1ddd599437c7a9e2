import { afterEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { injectScript } from './inject';

const PORTAL = 'https://partner.microsoft.com/en-us/dashboard/customers/x/subscriptions';

describe('injecting an on-demand script', () => {
  afterEach(() => vi.restoreAllMocks());

  it('injects into the asking portal tab and frame only', async () => {
    const execute = vi.fn(async () => []);
    (browser as unknown as { scripting: unknown }).scripting = { executeScript: execute };
    expect(await injectScript('migrate-panel', { url: PORTAL, tab: { id: 4 }, frameId: 2 })).toEqual({ ok: true });
    expect(execute).toHaveBeenCalledWith({ target: { tabId: 4, frameIds: [2] }, files: ['/migrate-panel.js'] });
  });

  it('refuses a sender outside a tab or outside the portal, and says when injection fails', async () => {
    const execute = vi.fn(async () => {
      throw new Error('Cannot access contents of the page');
    });
    (browser as unknown as { scripting: unknown }).scripting = { executeScript: execute };
    expect(await injectScript('assess', { url: PORTAL })).toEqual({ ok: false });
    expect(await injectScript('assess', { url: PORTAL, tab: { id: -1 } })).toEqual({ ok: false });
    expect(await injectScript('assess', { url: 'https://evil.example/', tab: { id: 3 } })).toEqual({ ok: false });
    expect(execute).not.toHaveBeenCalled();
    expect(await injectScript('assess', { url: PORTAL, tab: { id: 3 } })).toEqual({ ok: false });
    expect(execute).toHaveBeenCalledOnce();
  });
});
