import { accessibleName, closestAcross, GRID_ROLES, queryAllByRole, roleOf } from '../dom';
import { type PageKind, parseRoute } from '../routes';

/**
 * Every place on a portal page the overlay attaches to, with the page it serves and how a person
 * would describe it (for the message when it does not appear). Found by ARIA role, accessible name
 * and link route only, so another implementation of the portal with different markup works too.
 */
export const TARGETS = {
  subscriptionRows: { page: 'subscriptions', what: { en: 'the list of subscriptions', ko: '구독 목록' } },
  detailHeading: { page: 'subscription-detail', what: { en: 'the subscription heading', ko: '구독 제목' } },
  customerRows: { page: 'customer-list', what: { en: 'the list of customers', ko: '고객 목록' } },
} as const satisfies Record<string, { page: PageKind; what: { en: string; ko: string } }>;

export type TargetName = keyof typeof TARGETS;

const CELL_ROLES = new Set(['cell', 'gridcell', 'rowheader', 'columnheader']);

export interface RowTarget {
  row: Element;
  /** The cell holding the row's link: where our notice goes, inside the grid's own structure. */
  cell: Element;
  link: Element;
  name: string;
}

/** Rows of real data: skeleton placeholders (aria-busy, or no link yet) are skipped. */
function linkedRows(root: ParentNode, base: string, accept: (href: string) => string | null) {
  const out = new Map<string, RowTarget>();
  for (const link of queryAllByRole(root, 'link')) {
    const href = link.getAttribute('href');
    if (!href) continue;
    let absolute: string;
    try {
      absolute = new URL(href, base).href;
    } catch {
      continue;
    }
    const id = accept(absolute);
    if (!id || out.has(id)) continue;
    const row = closestAcross(link, (e) => roleOf(e) === 'row');
    if (!row || row.getAttribute('aria-busy') === 'true') continue;
    const cell = closestAcross(link, (e) => CELL_ROLES.has(roleOf(e) ?? '')) ?? row;
    out.set(id, { row, cell, link, name: accessibleName(link) });
  }
  return out;
}

/** The subscriptions grid's rows of one customer, by subscription id (lower case). */
export function findSubscriptionRows(root: ParentNode, base: string, tenantId: string): Map<string, RowTarget> {
  return linkedRows(root, base, (href) => {
    const route = parseRoute(href);
    return route?.page === 'subscription-detail' && route.tenantId === tenantId ? route.subscriptionId : null;
  });
}

/** The customer list's rows, by tenant id (lower case). */
export function findCustomerRows(root: ParentNode, base: string): Map<string, RowTarget> {
  return linkedRows(root, base, (href) => {
    const route = parseRoute(href);
    return route?.tenantId && route.page !== 'customer-list' ? route.tenantId : null;
  });
}

/** The grid (or table) a row belongs to. */
export function gridOf(row: Element): Element | null {
  return closestAcross(row, (e) => GRID_ROLES.has(roleOf(e) ?? ''));
}

/** The page's main heading: the first level-1 heading, else the first heading. */
export function findMainHeading(root: ParentNode): Element | null {
  const headings = queryAllByRole(root, 'heading').filter((h) => accessibleName(h) !== '');
  const level = (h: Element) => Number(h.getAttribute('aria-level') ?? h.tagName.replace(/^H/, '')) || 2;
  return headings.find((h) => level(h) === 1) ?? headings[0] ?? null;
}
