// The headless demo's screenshot plan covers what issue 10 lists: the Migrate panel before step A and
// after each step, in English and in Korean; the Korean customer list; a subscription detail page.
// And the README's two screenshots are in the plan, committed in docs/screenshots/ and shown.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DOCS_DIR, DOCS_SHOTS, FRESH_SHOTS, type Lang, LOCALE, type PanelShot, pagePath, SAVED_STATE_SHOTS } from './plan';

const root = fileURLToPath(new URL('../..', import.meta.url));
const all = [...SAVED_STATE_SHOTS, ...FRESH_SHOTS];
const panels = (lang: Lang) => FRESH_SHOTS.filter((s): s is PanelShot => s.kind === 'panel' && s.lang === lang);

describe('the demo screenshot plan', () => {
  it.each(['en', 'ko'] as const)('shows the %s Migrate panel before step A and after A, B and C, in that order', (lang) => {
    const shots = panels(lang);
    // Written out here, not read from plan.ts's MOMENTS, so dropping a moment there fails.
    expect(shots.map((s) => s.moment)).toEqual(['before-a', 'after-a', 'after-b', 'after-c']);
    // One customer's migration, step after step.
    expect(new Set(shots.map((s) => s.scenario)).size).toBe(1);
    expect(LOCALE[lang]).toBe(lang === 'ko' ? '/ko-kr' : '');
  });

  it('takes the Korean customer list on the Korean route', () => {
    const list = FRESH_SHOTS.find((s) => s.kind === 'page' && s.page === 'customer-list' && s.lang === 'ko');
    expect(list).toBeDefined();
    if (list?.kind === 'page') expect(pagePath(list)).toBe('/ko-kr/dashboard/v2/customers/list');
  });

  it('takes a subscription detail page of a customer before its migration (its banner still there)', () => {
    const details = FRESH_SHOTS.filter((s) => s.kind === 'page' && s.page === 'subscription-detail');
    expect(details.length).toBeGreaterThan(0);
    for (const detail of details) {
      const firstPanel = FRESH_SHOTS.findIndex((s) => s.kind === 'panel' && s.scenario === detail.scenario);
      if (firstPanel >= 0) expect(FRESH_SHOTS.indexOf(detail)).toBeLessThan(firstPanel);
      if (detail.kind === 'page') expect(pagePath(detail, 't', 's')).toMatch(/\/customers\/t\/subscriptions\/s$/);
    }
  });

  it('names every shot once, and every page but the list has its customer', () => {
    expect(new Set(all.map((s) => s.name)).size).toBe(all.length);
    for (const shot of all) if (shot.kind === 'page' && shot.page !== 'customer-list') expect(shot.scenario).toBeTruthy();
  });

  it("has the README's screenshots in the plan, committed and shown", () => {
    const readme = readFileSync(`${root}/README.md`, 'utf8');
    for (const name of DOCS_SHOTS) {
      expect(FRESH_SHOTS.map((s) => s.name)).toContain(name);
      expect(existsSync(`${root}/${DOCS_DIR}/${name}.png`)).toBe(true);
      expect(readme).toContain(`(${DOCS_DIR}/${name}.png)`);
    }
  });
});
