// @vitest-environment happy-dom
import { render } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import { MigratePanel } from './MigratePanel';
import { button, buttons, events, model } from './test-model';

afterEach(() => render(null, document.body));

/** A customer whose users keep the service through a product they hold: nothing to buy, B only cleans up. */
const covered = (over: Parameters<typeof model>[0] = {}) =>
  model({
    usersToMove: 6,
    editable: false,
    steps: { purchase: 'skipped', reassign: 'pending', suspend: 'waiting' },
    purchase: { skipReason: { en: 'users already have the service.', ko: '사용자에게 이미 서비스가 있습니다.' } },
    reassign: { done: 0, failed: 0, total: 0, cleanupOnly: true, failedUsers: [] },
    ...over,
  });

describe('a covered customer (nothing to buy)', () => {
  it('shows no plan picker or "Licenses to buy" beside "No purchase needed", only the plan as a fact', () => {
    render(<MigratePanel lang="en" model={covered()} {...events()} />, document.body);
    expect(document.body.textContent).toContain('No purchase needed: users already have the service.');
    expect(document.querySelector('input[type="number"]')).toBeNull();
    expect(document.querySelector('select')).toBeNull();
    expect(document.body.textContent).not.toContain('Licenses to buy');
    expect(document.querySelector('.panel__plan p')?.textContent).toBe('Microsoft 365 Business Basic: nothing to buy.');
    // Why stays available.
    expect(document.querySelector('.panel__plan summary')?.textContent).toBe('Why this replacement');
  });

  it('says step B only removes the retiring license, in English and Korean', () => {
    render(<MigratePanel lang="en" model={covered()} {...events()} />, document.body);
    expect(buttons()).toContain(
      'Remove Microsoft Kaizala Pro from 6 users (they keep the service through Microsoft 365 Business Basic)',
    );
    expect(button('Move ')).toBeUndefined();
    render(<MigratePanel lang="ko" model={covered()} {...events()} />, document.body);
    expect(buttons()).toContain(
      '사용자 6명에게서 Microsoft Kaizala Pro 제거(Microsoft 365 Business Basic(으)로 서비스 계속 사용)',
    );
  });

  it('a customer who buys still gets the picker and the quantity', () => {
    render(<MigratePanel lang="en" model={model()} {...events()} />, document.body);
    expect(document.querySelector<HTMLInputElement>('input[type="number"]')?.value).toBe('25');
    expect(document.querySelector('select')).not.toBeNull();
  });
});
