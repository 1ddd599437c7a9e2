// Paging and search over a collection, shown in a <pc-data-grid> with a <pc-pager>. Rows are
// mutated in place; the grid element itself is never replaced.
import type { CollectionSource } from '../api.js';
import type { AppContext } from '../context.js';
import { renders, t } from '../context.js';
import type { GridRow, PcDataGrid } from '../elements/data-grid.js';
import type { PagerMove, PcPager } from '../elements/pager.js';

export interface PagedViewOptions<T> {
  ctx: AppContext;
  /** The page part's name, for `neverRender`. */
  part: string;
  source: CollectionSource<T>;
  grid: PcDataGrid;
  pager: PcPager;
  pageSize: number;
  matches(item: T, query: string): boolean;
  /** A standing filter (e.g. a category), applied with or without a search; needs the whole collection. */
  filter?(item: T): boolean;
  /** Builds the visible rows (may fetch more, e.g. each user's licenses). */
  rows(items: T[]): Promise<GridRow[]>;
  /** Told when the grid turns to placeholders (true) and back to rows (false). */
  busy?(busy: boolean): void;
  /** Called after every paint with the items on screen. */
  painted?(items: T[]): void;
  signal: AbortSignal;
  delay(): Promise<void>;
}

export class PagedView<T> {
  private page = 0;
  private query = '';
  private generation = 0;
  visible: T[] = [];

  constructor(private readonly o: PagedViewOptions<T>) {
    const { ctx } = o;
    o.pager.configure({
      region: t(ctx, 'Pagination'),
      first: t(ctx, 'First'),
      previous: t(ctx, 'Previous'),
      next: t(ctx, 'Next'),
      last: t(ctx, 'Last'),
    });
    o.pager.addEventListener('pager-move', (e) => void this.move((e as CustomEvent<PagerMove>).detail));
  }

  /** First paint: skeleton rows for at least the skeleton delay, then the first page. */
  async start(): Promise<void> {
    const gen = ++this.generation;
    this.o.grid.showSkeleton(Math.min(this.o.pageSize, 8));
    this.o.busy?.(true);
    this.o.pager.update({ text: t(this.o.ctx, 'Loading'), hasPrevious: false, hasNext: false });
    const load = this.o.filter ? this.o.source.loadAll() : this.o.source.ensure(this.o.pageSize + 1);
    await Promise.all([load, this.o.delay()]);
    if (!renders(this.o.ctx, this.o.part)) return; // a test's "never renders": stays skeleton
    await this.paint(gen);
  }

  async search(query: string): Promise<void> {
    this.query = query.toLowerCase();
    this.page = 0;
    const gen = ++this.generation;
    if (this.query || this.o.filter) await this.o.source.loadAll();
    await this.paint(gen);
  }

  async move(move: PagerMove): Promise<void> {
    const gen = ++this.generation;
    const size = this.o.pageSize;
    if (move === 'first') this.page = 0;
    if (move === 'previous') this.page = Math.max(0, this.page - 1);
    if (move === 'next') this.page += 1;
    const needed = move === 'last' ? Number.POSITIVE_INFINITY : (this.page + 1) * size + 1;
    if (!this.query && this.o.source.items.length < needed && !this.o.source.complete) {
      // Rows not loaded yet: the same rows turn back into placeholders while the next API page loads.
      this.o.grid.showSkeleton(Math.min(size, 8));
      this.o.busy?.(true);
      if (move === 'last') await this.o.source.loadAll();
      else await this.o.source.ensure(needed);
    }
    if (move === 'last') this.page = Math.max(0, Math.ceil(this.filtered().length / size) - 1);
    this.page = Math.min(this.page, Math.max(0, Math.ceil(this.filtered().length / size) - 1));
    await this.paint(gen);
  }

  /** Re-renders the current page in place (after a change elsewhere on the page). */
  refresh(): Promise<void> {
    return this.paint(++this.generation);
  }

  /** Re-applies search and filter after the standing filter changed. */
  refilter(): Promise<void> {
    return this.search(this.query);
  }

  private filtered(): T[] {
    const { filter } = this.o;
    const items = filter ? this.o.source.items.filter((item) => filter(item)) : this.o.source.items;
    return this.query ? items.filter((item) => this.o.matches(item, this.query)) : items;
  }

  private async paint(gen: number): Promise<void> {
    if (!renders(this.o.ctx, this.o.part)) return;
    const all = this.filtered();
    const size = this.o.pageSize;
    const visible = all.slice(this.page * size, (this.page + 1) * size);
    const rows = await this.o.rows(visible);
    if (gen !== this.generation || this.o.signal.aborted) return; // a newer page or search won
    this.visible = visible;
    this.o.grid.setRows(rows, t(this.o.ctx, 'No results'));
    this.o.busy?.(false);
    const complete = this.o.source.complete;
    const pages = Math.max(1, Math.ceil(all.length / size));
    this.o.pager.update({
      text: complete
        ? t(this.o.ctx, 'Page {page} of {pages}', { page: this.page + 1, pages })
        : t(this.o.ctx, 'Page {page}', { page: this.page + 1 }),
      hasPrevious: this.page > 0,
      hasNext: all.length > (this.page + 1) * size || (!complete && !this.o.source.complete),
    });
    this.o.painted?.(visible);
  }
}
