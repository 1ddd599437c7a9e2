// Tiny DOM helpers: every node is built with createElement/textContent, never from an HTML string,
// so the simulator cannot accidentally depend on markup parsing the live portal does not do.

export type Child = Node | string | null | undefined | false;
export type Attrs = Record<string, string | number | boolean | null | undefined>;

/** Creates an element with attributes (true → present, false/null/undefined → absent) and children. */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  setAttrs(node, attrs);
  node.append(...children.filter((c): c is Node | string => c !== null && c !== undefined && c !== false));
  return node;
}

export function setAttrs(node: Element, attrs: Attrs): void {
  for (const [name, value] of Object.entries(attrs)) {
    if (value === false || value === null || value === undefined) node.removeAttribute(name);
    else node.setAttribute(name, value === true ? '' : String(value));
  }
}

/** A `<style>` for a shadow root; each custom element carries its own, as web components do. */
export function style(css: string): HTMLStyleElement {
  const node = document.createElement('style');
  node.textContent = css;
  return node;
}

let counter = 0;
/** A document-unique id for label/aria wiring inside one shadow root. */
export function uid(prefix: string): string {
  counter += 1;
  return `${prefix}-${counter}`;
}

/** Resolves after `ms`, or rejects when the signal aborts (the page was navigated away from). */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** Same look for every shadow root: the simulator's small share of Fluent-ish styling. */
export const BASE_CSS = `
:host { display: block; font-family: 'Segoe UI', system-ui, sans-serif; font-size: 14px; color: #201f1e; }
[hidden] { display: none !important; }
a { color: #0f6cbd; }
button { font: inherit; padding: 4px 14px; border: 1px solid #8a8886; border-radius: 2px; background: #fff; cursor: pointer; }
button.primary { background: #0f6cbd; color: #fff; border-color: #0f6cbd; }
button:disabled { opacity: .5; cursor: default; }
input[type=number] { width: 6em; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; padding: 6px 8px; border-bottom: 1px solid #edebe9; vertical-align: top; }
.skeleton { display: inline-block; height: 12px; width: 60%; background: linear-gradient(90deg,#f3f2f1,#e1dfdd,#f3f2f1); border-radius: 2px; }
.error { color: #a4262c; }
.ok { color: #107c10; }
.muted { color: #605e5c; }
.toolbar { display: flex; gap: 8px; align-items: center; margin: 8px 0; }
`;
