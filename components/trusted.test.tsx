// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { asAgent } from './test-events';
import { isTrusted, trusted } from './trusted';

describe('trusted', () => {
  it("runs the handler for the agent's own input only", () => {
    const handler = vi.fn();
    const refused = vi.fn();
    const guarded = trusted(handler, refused);
    const own = asAgent(new MouseEvent('click', { cancelable: true }));
    guarded(own);
    expect(handler).toHaveBeenCalledWith(own);
    expect(refused).not.toHaveBeenCalled();
    expect(own.defaultPrevented).toBe(false);
  });

  it("refuses a script's event and prevents what it would do", () => {
    const handler = vi.fn();
    const refused = vi.fn();
    const scripted = new MouseEvent('click', { cancelable: true });
    trusted(handler, refused)(scripted);
    expect(handler).not.toHaveBeenCalled();
    expect(refused).toHaveBeenCalledWith(scripted);
    expect(scripted.defaultPrevented).toBe(true);
  });

  it('takes only isTrusted === true, never a truthy look-alike', () => {
    const event = new Event('click');
    expect(isTrusted(event)).toBe(false);
    Object.defineProperty(event, 'isTrusted', { value: 'yes' });
    expect(isTrusted(event)).toBe(false);
  });

  it('a script cannot untick a box by clicking it', () => {
    const box = document.createElement('input');
    box.type = 'checkbox';
    const onTick = vi.fn();
    box.addEventListener('click', trusted(onTick));
    document.body.append(box);
    box.click();
    expect(box.checked).toBe(false);
    expect(onTick).not.toHaveBeenCalled();
    box.dispatchEvent(asAgent(new MouseEvent('click', { bubbles: true, cancelable: true })));
    expect(box.checked).toBe(true);
    expect(onTick).toHaveBeenCalledTimes(1);
    box.remove();
  });
});
