import type { Lang } from '@/lib/i18n';
import { toCsv } from '@/lib/migration/export';
import type { WorklistRow } from './rows';

const HEADERS: Record<Lang, readonly string[]> = {
  en: ['Customer ID', 'Customer', 'Subscription ID', 'Offer', 'Licenses', 'End date', 'Days left', 'Migration', 'Next step'],
  ko: ['고객 ID', '고객', '구독 ID', '제품', '라이선스', '종료일', '남은 일수', '마이그레이션', '다음 단계'],
};

/** The worklist as the side panel shows it, as CSV (Excel, Korean names intact) with headers in the agent's language. */
export function worklistToCsv(rows: readonly WorklistRow[], lang: Lang): string {
  return toCsv([
    HEADERS[lang],
    ...rows.map((r) => [
      r.customerId,
      r.customerName,
      r.subscriptionId,
      r.offerName,
      String(r.quantity),
      r.endDate ?? '',
      r.daysLeft === null ? '' : String(r.daysLeft),
      r.migration,
      r.nextStep ?? '',
    ]),
  ]);
}

/** The same rows for tools; `version` lets a later reader tell the shape. */
export function worklistToJson(rows: readonly WorklistRow[]): string {
  return JSON.stringify({ version: 1, rows }, null, 2);
}
