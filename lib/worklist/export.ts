import type { Lang } from '@/lib/i18n';
import { toCsv } from '@/lib/migration/export';
import { migrationText, replacementText, verdictText } from './row-text';
import type { WorklistRow } from './rows';

const HEADERS: Record<Lang, readonly string[]> = {
  en: [
    'Customer ID',
    'Customer',
    'Subscription ID',
    'Offer',
    'Licenses',
    'End date',
    'Days left',
    'Recommended replacement and quantity',
    'Pre-flight verdict',
    'Migration state',
  ],
  ko: ['고객 ID', '고객', '구독 ID', '제품', '라이선스', '종료일', '남은 일수', '추천 대체 제품 및 수량', '사전 점검 결과', '마이그레이션 상태'],
};

/**
 * The worklist as the side panel shows it (its filter and order), as CSV (Excel, Korean names
 * intact) with headers and words in the agent's language, each cell as the list says it.
 */
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
      replacementText(lang, r),
      verdictText(lang, r),
      migrationText(lang, r),
    ]),
  ]);
}

/** The same rows for tools, as data; `version` lets a later reader tell the shape (2 adds pre-flight). */
export function worklistToJson(rows: readonly WorklistRow[]): string {
  return JSON.stringify({ version: 2, rows }, null, 2);
}
