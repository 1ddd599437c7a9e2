// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { accessibleName, closestAcross, queryAllByRole, queryByRole, roleOf } from './dom';
import { observeDeep, WaitTimeout, waitFor } from './observe';

/** Builds a host with an open shadow root holding `build`'s elements, nested `depth` times. */
function nest(depth: number, build: (root: ShadowRoot) => void): HTMLElement {
  const outer = document.createElement('div');
  let parent: HTMLElement = outer;
  let root: ShadowRoot | null = null;
  for (let i = 0; i < depth; i++) {
    const host = document.createElement(`x-level-${i}`);
    (root ?? parent).appendChild(host);
    root = host.attachShadow({ mode: 'open' });
    parent = host;
  }
  if (root) build(root);
  document.body.appendChild(outer);
  return outer;
}

afterEach(() => {
  document.body.replaceChildren();
});

describe('role and name queries', () => {
  it('finds a button by name three shadow roots deep', () => {
    nest(3, (root) => {
      const b = document.createElement('button');
      b.textContent = ' Add   subscription ';
      root.appendChild(b);
    });
    const found = queryByRole(document, 'button', 'add subscription');
    expect(found?.textContent).toContain('Add');
  });

  it('uses explicit roles, aria-checked checkboxes and labels', () => {
    nest(2, (root) => {
      const box = document.createElement('div');
      box.setAttribute('role', 'checkbox');
      box.setAttribute('aria-checked', 'mixed');
      box.setAttribute('aria-label', 'Kaizala Pro');
      const label = document.createElement('label');
      label.textContent = 'Quantity';
      const input = document.createElement('input');
      input.type = 'number';
      label.appendChild(input);
      const span = document.createElement('span');
      span.id = 'n1';
      span.textContent = 'Office 365 E3';
      const radio = document.createElement('input');
      radio.type = 'radio';
      radio.setAttribute('aria-labelledby', 'n1');
      root.append(box, label, span, radio);
    });
    expect(queryByRole(document, 'checkbox', 'Kaizala Pro')?.getAttribute('aria-checked')).toBe('mixed');
    const spin = queryByRole(document, 'spinbutton');
    expect(spin && accessibleName(spin)).toBe('Quantity');
    expect(queryByRole(document, 'radio', /e3/i)).not.toBeNull();
  });

  it('knows implicit roles and walks out of shadow roots', () => {
    nest(2, (root) => {
      const table = document.createElement('table');
      const tr = document.createElement('tr');
      const td = document.createElement('td');
      const a = document.createElement('a');
      a.href = '/x';
      a.textContent = 'Contoso';
      td.appendChild(a);
      tr.appendChild(td);
      table.appendChild(tr);
      root.appendChild(table);
    });
    const link = queryByRole(document, 'link', 'Contoso');
    expect(link && roleOf(link)).toBe('link');
    const row = link && closestAcross(link, (e) => roleOf(e) === 'row');
    expect(row?.tagName).toBe('TR');
    const outer = link && closestAcross(link, (e) => e.tagName === 'X-LEVEL-0');
    expect(outer).not.toBeNull();
    expect(queryAllByRole(document, 'cell')).toHaveLength(1);
  });
});

describe('waiting', () => {
  it('resolves when an element appears inside a shadow root later', async () => {
    let root: ShadowRoot | null = null;
    nest(2, (r) => {
      root = r;
    });
    const signal = new AbortController().signal;
    const pending = waitFor(() => queryByRole(document, 'button', 'Save'), { signal, timeoutMs: 2000, what: 'Save' });
    setTimeout(() => {
      const b = document.createElement('button');
      b.textContent = 'Save';
      (root as ShadowRoot | null)?.appendChild(b);
    }, 50);
    await expect(pending).resolves.toBeTruthy();
  });

  it('times out with what it waited for', async () => {
    const signal = new AbortController().signal;
    const pending = waitFor(() => null, { signal, timeoutMs: 50, what: 'the subscriptions grid' });
    await expect(pending).rejects.toBeInstanceOf(WaitTimeout);
    await expect(pending).rejects.toThrow('the subscriptions grid');
  });

  it('stops at once when navigation aborts', async () => {
    const nav = new AbortController();
    const pending = waitFor(() => null, { signal: nav.signal, timeoutMs: 5000, what: 'x' });
    nav.abort(new Error('navigated'));
    await expect(pending).rejects.toThrow('navigated');
  });

  it('reports changes deep inside shadow roots until aborted', async () => {
    let root: ShadowRoot | null = null;
    nest(3, (r) => {
      root = r;
    });
    const nav = new AbortController();
    let calls = 0;
    observeDeep(document, () => calls++, nav.signal);
    (root as ShadowRoot | null)?.appendChild(document.createElement('p'));
    await new Promise((r) => setTimeout(r, 60));
    expect(calls).toBe(1);
    nav.abort();
    (root as ShadowRoot | null)?.appendChild(document.createElement('p'));
    await new Promise((r) => setTimeout(r, 60));
    expect(calls).toBe(1);
  });

  it('observes shadow roots that arrive later: in added content, attached just after, or with no mutation at all', async () => {
    const nav = new AbortController();
    let calls = 0;
    observeDeep(document, () => calls++, nav.signal);
    const settle = (ms: number) => new Promise((r) => setTimeout(r, ms));
    const changesIn = async (root: ShadowRoot, ms: number) => {
      const before = calls;
      root.appendChild(document.createElement('p'));
      await settle(ms);
      return calls - before;
    };
    // Added with its root already attached (nested two deep).
    let added: ShadowRoot | null = null;
    nest(2, (r) => (added = r));
    await settle(40);
    expect(await changesIn(added as unknown as ShadowRoot, 40)).toBe(1);
    // A custom element that attaches its root a moment after it is added.
    const lateHost = document.createElement('x-late');
    document.body.appendChild(lateHost);
    await settle(5);
    const late = lateHost.attachShadow({ mode: 'open' });
    await settle(100);
    expect(await changesIn(late, 40)).toBe(1);
    // A root attached to a plain element long after, with no mutation: the sweep finds it.
    const plain = document.createElement('section');
    document.body.appendChild(plain);
    await settle(100);
    const quiet = plain.attachShadow({ mode: 'open' });
    await settle(700);
    expect(await changesIn(quiet, 40)).toBe(1);
    nav.abort();
  });
});
