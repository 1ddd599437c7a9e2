import { launchWithExtension } from '../tests/e2e/browser';
import { installPortal } from '../tests/portal/serve';
import { startTrace, type TraceEvent } from '../tests/bench/trace';
const ext = await launchWithExtension();
await ext.context.route('**/*', (route) => route.abort('blockedbyclient'));
const portal = await installPortal(ext.context, { now: new Date(), scenario: 'small-business-kaizala' });
const tenant = portal.sim.customerOf('small-business-kaizala')?.customer.id;
for (let i = 0; i < 2; i++) {
  const page = await ext.context.newPage();
  await page.goto(portal.url(`/dashboard/v2/customers/${tenant}/subscriptions`));
  const btn = page.getByRole('button', { name: /^Migrate / }).first();
  await btn.waitFor();
  await page.waitForTimeout(1500);
  const cdp = await ext.context.newCDPSession(page);
  const stop = await startTrace(cdp);
  await page.evaluate(() => { (window as any).__t = { c: -1, s: -1 }; window.addEventListener('click', () => { (window as any).__t.c = performance.now(); const look = () => { if (document.querySelector('pcma-panel')?.shadowRoot?.querySelector('h2')) (window as any).__t.s = performance.now(); else requestAnimationFrame(look); }; requestAnimationFrame(look); }, { capture: true, once: true }); });
  await btn.click();
  await page.waitForFunction(() => (window as any).__t.s >= 0);
  const t = await page.evaluate(() => (window as any).__t);
  const ev: TraceEvent[] = await stop();
  const ours = ev.filter((e) => e.ph === 'X' && (e.args?.data?.url ?? '').includes('chrome-extension://') && (e.dur ?? 0) > 200);
  const t0 = Math.min(...ours.map((e) => e.ts));
  console.log(`click→panel ${Math.round(t.s - t.c)} ms`);
  for (const e of ours.sort((a, b) => a.ts - b.ts)) console.log(`  +${((e.ts - t0) / 1000).toFixed(1)} ${e.name} ${((e.dur ?? 0) / 1000).toFixed(1)}ms ${(e.args?.data?.url ?? '').split('/').pop()} ${(e.args?.data as any)?.functionName ?? ''}`);
  await page.close();
}
await ext.close();
