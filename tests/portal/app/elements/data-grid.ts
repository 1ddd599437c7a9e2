// <pc-data-grid>: a real <table role="grid"> in an open shadow root. Rows start as skeleton
// placeholders (no text, aria-busy) and are later filled IN PLACE: the same <tr> elements get new
// cells on paging and search, as the live portal's virtualised grid does.
import { BASE_CSS, type Child, h, style } from '../dom.js';

export interface GridColumn {
  key: string;
  /** Header text, or a node (e.g. the select-all checkbox). */
  header: string | Node;
  /** Accessible name of the header when `header` is a node without text. */
  label?: string;
}

export interface GridRow {
  key: string;
  cells: Child[];
  selected?: boolean;
}

export class PcDataGrid extends HTMLElement {
  private readonly table: HTMLTableElement;
  private readonly headRow: HTMLTableRowElement;
  private readonly tbody: HTMLTableSectionElement;
  private columns: GridColumn[] = [];

  constructor() {
    super();
    const root = this.attachShadow({ mode: 'open' });
    this.headRow = h('tr');
    this.tbody = h('tbody');
    this.table = h('table', { role: 'grid' }, h('thead', {}, this.headRow), this.tbody);
    root.append(
      style(`${BASE_CSS} tr[aria-selected=true] { background: #eff6fc; } thead th { font-weight: 600; }`),
      this.table,
    );
  }

  configure(label: string, columns: GridColumn[]): void {
    this.table.setAttribute('aria-label', label);
    this.columns = columns;
    this.headRow.replaceChildren(
      ...columns.map((c) => {
        const th = h('th', { scope: 'col', 'data-column': c.key }, c.header);
        if (c.label) th.setAttribute('aria-label', c.label);
        return th;
      }),
    );
  }

  /** Placeholder rows: busy, nameless, one shimmer per cell. Reuses rows already present. */
  showSkeleton(count: number): void {
    this.table.setAttribute('aria-busy', 'true');
    this.resize(count);
    for (const tr of this.rows()) {
      tr.setAttribute('aria-busy', 'true');
      tr.setAttribute('data-skeleton', '');
      tr.removeAttribute('aria-selected');
      tr.removeAttribute('data-key');
      tr.replaceChildren(
        ...this.columns.map(() => h('td', {}, h('span', { class: 'skeleton', 'aria-hidden': 'true' }))),
      );
    }
  }

  /** Fills rows in place; with no rows, one row says `emptyText`. */
  setRows(rows: GridRow[], emptyText: string): void {
    this.table.removeAttribute('aria-busy');
    if (rows.length === 0) {
      this.resize(1);
      const tr = this.rows()[0];
      if (tr) {
        this.clearBusy(tr);
        tr.removeAttribute('data-key');
        tr.removeAttribute('aria-selected');
        tr.replaceChildren(h('td', { colspan: this.columns.length }, emptyText));
      }
      return;
    }
    this.resize(rows.length);
    const trs = this.rows();
    rows.forEach((row, i) => {
      const tr = trs[i];
      if (!tr) return;
      this.clearBusy(tr);
      tr.setAttribute('data-key', row.key);
      if (row.selected === undefined) tr.removeAttribute('aria-selected');
      else tr.setAttribute('aria-selected', String(row.selected));
      tr.replaceChildren(...row.cells.map((cell) => h('td', {}, cell)));
    });
  }

  /** Marks one row selected or not without re-rendering it (selection checkboxes). */
  markSelected(key: string, selected: boolean): void {
    const tr = this.rows().find((r) => r.getAttribute('data-key') === key);
    tr?.setAttribute('aria-selected', String(selected));
  }

  private rows(): HTMLTableRowElement[] {
    return [...this.tbody.rows];
  }

  private clearBusy(tr: HTMLTableRowElement): void {
    tr.removeAttribute('aria-busy');
    tr.removeAttribute('data-skeleton');
  }

  /** Adds or drops rows at the end so exactly `count` remain; the others keep their identity. */
  private resize(count: number): void {
    while (this.tbody.rows.length < count) this.tbody.append(h('tr'));
    while (this.tbody.rows.length > count) this.tbody.lastElementChild?.remove();
  }
}
