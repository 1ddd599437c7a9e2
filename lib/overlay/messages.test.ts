import { describe, expect, it, vi } from 'vitest';
import { StoreRequest } from '@/lib/store/messages';
import { CustomerPageRequest, customerPage, loadLazyScript, SCRIPT_LOAD, ScriptLoad } from './messages';

const TENANT = '0f6c1d2e-3a4b-4c5d-8e9f-0a1b2c3d4e5f';

describe("the banners script's messages", () => {
  it('asks for an on-demand script by name and believes only an explicit yes', async () => {
    const send = vi.fn(async () => ({ ok: true }));
    expect(await loadLazyScript(send, 'migrate-panel')).toBe(true);
    expect(send).toHaveBeenCalledWith({ type: SCRIPT_LOAD, script: 'migrate-panel' });
    expect(await loadLazyScript(async () => ({ ok: false }), 'assess')).toBe(false);
    expect(await loadLazyScript(async () => undefined, 'assess')).toBe(false);
    expect(await loadLazyScript(() => Promise.reject(new Error('no background')), 'assess')).toBe(false);
  });

  it('the background injects only the scripts it knows', () => {
    expect(ScriptLoad.safeParse({ type: SCRIPT_LOAD, script: 'assess' }).success).toBe(true);
    expect(ScriptLoad.safeParse({ type: SCRIPT_LOAD, script: '../../evil' }).success).toBe(false);
    expect(ScriptLoad.safeParse({ type: SCRIPT_LOAD }).success).toBe(false);
  });

  it("sends store requests the background's full schema accepts", async () => {
    const sent: unknown[] = [];
    await customerPage(async (m) => void sent.push(m), TENANT, 'subscriptions');
    expect(CustomerPageRequest.safeParse(sent[0]).success).toBe(true);
    // The background turns it into the store's own requests, which its full schema accepts.
    expect(StoreRequest.safeParse({ type: 'customer.visit', tenantId: TENANT, page: 'subscriptions' }).success).toBe(true);
    expect(StoreRequest.safeParse({ type: 'migration.interrupted', tenantId: TENANT }).success).toBe(true);
  });
});
