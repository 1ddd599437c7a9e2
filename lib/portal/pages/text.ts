/**
 * Reading what the portal says after an action: the visible text piece by piece, the error messages
 * it raises (role alert), phrases inside longer texts, and an order id near the word "Order".
 */
import { isShown } from '../act';
import { deepText, walkDeep, roleOf } from '../dom';
import { LABELS, type LabelKey, normalizeLabel, PHRASES, type PhraseKey } from '../labels';

export interface TextChunk {
  /** The element the text sits in. */
  el: Element;
  text: string;
}

const squash = (s: string | null | undefined): string => (s ?? '').replace(/\s+/g, ' ').trim();
const NEVER_SHOWN = new Set(['STYLE', 'SCRIPT', 'TEMPLATE', 'NOSCRIPT']);

function hiddenHere(el: Element): boolean {
  if (NEVER_SHOWN.has(el.tagName) || el.hasAttribute('hidden') || el.hasAttribute('inert')) return true;
  return typeof getComputedStyle === 'function' && getComputedStyle(el).display === 'none';
}

/**
 * The visible text in reading order, one chunk per text node, through open shadow roots (light
 * children where their slot puts them). Text hidden from assistive technology only still counts: a
 * person sees it.
 */
export function shownChunks(root: ParentNode): TextChunk[] {
  const out: TextChunk[] = [];
  const visit = (node: Node, host: Element | null): void => {
    if (node.nodeType === Node.TEXT_NODE) {
      const text = squash(node.textContent);
      const el = node.parentElement ?? host;
      if (text && el) out.push({ el, text });
      return;
    }
    if (!(node instanceof Element)) {
      for (const child of Array.from(node.childNodes)) visit(child, host);
      return;
    }
    if (hiddenHere(node)) return;
    if (node.shadowRoot) {
      for (const child of Array.from(node.shadowRoot.childNodes)) visit(child, node);
      return;
    }
    if (node instanceof HTMLSlotElement) {
      const assigned = node.assignedNodes();
      if (assigned.length > 0) {
        for (const child of assigned) visit(child, host);
        return;
      }
    }
    for (const child of Array.from(node.childNodes)) visit(child, host);
  };
  visit(root as Node, null);
  return out;
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const PATTERNS = new Map(
  (Object.keys(PHRASES) as PhraseKey[]).map((key) => [
    key,
    {
      // From a word start: "order" finds "Order ID" but not "border".
      en: PHRASES[key].en.map((p) => new RegExp(`(?:^|[^\\p{L}\\p{N}])(${escape(normalizeLabel(p))})`, 'u')),
      ko: PHRASES[key].ko.map((p) => p.replace(/\s+/g, '')),
    },
  ]),
);

/** Where the phrase ends in the text (English or Korean), or -1. */
export function phraseEnd(key: PhraseKey, text: string): number {
  const patterns = PATTERNS.get(key);
  if (!patterns) return -1;
  const lower = text.toLowerCase();
  for (const pattern of patterns.en) {
    const m = pattern.exec(lower);
    if (m?.[1]) return m.index + m[0].length;
  }
  for (const phrase of patterns.ko) {
    // Korean spacing varies, so compare without spaces, then map the end back onto the text.
    let compact = '';
    const ends: number[] = [];
    for (let i = 0; i < text.length; i++) {
      const ch = text[i] as string;
      if (/\s/.test(ch)) continue;
      compact += ch;
      ends.push(i + 1);
    }
    const at = compact.indexOf(phrase);
    if (at >= 0) return ends[at + phrase.length - 1] ?? text.length;
  }
  return -1;
}

export const hasPhrase = (key: PhraseKey, text: string): boolean => phraseEnd(key, text) >= 0;

/** Shown error messages (role alert or alertdialog) with their text. */
export function shownAlerts(root: ParentNode): Map<Element, string> {
  const out = new Map<Element, string>();
  for (const el of walkDeep(root)) {
    const role = roleOf(el);
    if ((role === 'alert' || role === 'alertdialog') && isShown(el)) {
      const text = deepText(el);
      if (text) out.set(el, text);
    }
  }
  return out;
}

/** An error message that was not shown, or read differently, before: the portal refused the action. */
export function newAlert(root: ParentNode, before: Map<Element, string>): string | null {
  for (const [el, text] of shownAlerts(root)) if (before.get(el) !== text) return text;
  return null;
}

const GUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
const DATE_LIKE = /^\d{1,4}-\d{1,2}-\d{1,4}$/;

/** Ids look like GUIDs or like "ORD12345": six or more letters, digits and dashes, with a digit. */
function idsIn(text: string): string[] {
  const out = GUID.exec(text)?.slice(0, 1) ?? [];
  for (const token of text.split(/[^A-Za-z0-9-]+/)) {
    const t = token.replace(/^-+|-+$/g, '');
    if (t.length >= 6 && /\d/.test(t) && !DATE_LIKE.test(t) && !out.includes(t)) out.push(t);
  }
  return out;
}

/**
 * The first id that follows the word "Order" / "주문" (in the same text or the next few pieces, as
 * in "Order ID: …" or a term and its definition) and that `accept` takes (e.g. not shown before).
 */
export function orderIdIn(chunks: readonly TextChunk[], accept: (id: string) => boolean = () => true): string | null {
  for (let i = 0; i < chunks.length; i++) {
    const text = chunks[i]?.text ?? '';
    const end = phraseEnd('order', text);
    if (end < 0) continue;
    const near = [text.slice(end), ...chunks.slice(i + 1, i + 4).map((c) => c.text)];
    for (const piece of near) {
      const id = idsIn(piece).find(accept);
      if (id) return id;
    }
  }
  return null;
}

/**
 * Whether the text is the label, or begins with it as a sentence does ("Licenses updated.",
 * "Licenses updated for 3 users"), in any known spelling.
 */
export function leadsWithLabel(key: LabelKey, text: string): boolean {
  const normal = normalizeLabel(text);
  return [...LABELS[key].en, ...LABELS[key].ko].some((variant) => {
    const v = normalizeLabel(variant);
    return normal === v || (normal.startsWith(v) && /^[\s.,:;!(。]/u.test(normal.slice(v.length)));
  });
}
