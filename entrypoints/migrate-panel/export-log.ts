import { auditToCsv, auditToJson } from '@/lib/migration/export';
import { download } from '@/components/download';
import type { OpenPanel } from './open-panel';
import { migrations } from './store';

/** Saves the migration's audit log (CSV for Excel, or JSON) named after the customer and subscription. */
export async function exportLog(panel: OpenPanel, kind: 'csv' | 'json'): Promise<void> {
  const { record } = panel.state;
  const entries = await migrations.audit(record.id);
  if (!entries.ok) return;
  const name = `migration-${record.customerName.replace(/[^\p{L}\p{N}]+/gu, '-')}-${record.subscriptionId.slice(0, 8)}`;
  if (kind === 'csv') download(`${name}.csv`, auditToCsv(record, entries.entries, panel.lang), 'text/csv;charset=utf-8');
  else download(`${name}.json`, auditToJson(record, entries.entries), 'application/json');
}
