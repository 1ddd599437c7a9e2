import { describe, expect, it } from 'vitest';
import { worklistToCsv, worklistToJson } from './export';
import { testRow } from './test-rows';

const row = testRow({
  customerName: '한결테크, "본사"',
  quantity: 12,
  endDate: '2026-12-10',
  daysLeft: 7,
  verdict: 'attention',
  issues: [{ kind: 'pooled', move: 7, holders: 22 }],
  migration: 'in-progress',
  nextStep: 'reassign',
  migrationSource: 'api',
});

describe('worklist export', () => {
  it('writes the ten columns the issue names, headers in the agent language', () => {
    const header = (lang: 'en' | 'ko') => worklistToCsv([], lang).replace('\uFEFF', '').trim();
    expect(header('en')).toBe(
      '"Customer ID","Customer","Subscription ID","Offer","Licenses","End date","Days left","Recommended replacement and quantity","Pre-flight verdict","Migration state"',
    );
    expect(header('ko')).toBe(
      '"고객 ID","고객","구독 ID","제품","라이선스","종료일","남은 일수","추천 대체 제품 및 수량","사전 점검 결과","마이그레이션 상태"',
    );
  });

  it('writes CSV that Excel opens with Korean names: BOM, every field quoted, quotes doubled, cells in words', () => {
    const csv = worklistToCsv([row], 'ko');
    expect(csv.startsWith('\uFEFF"고객 ID","고객"')).toBe(true);
    expect(csv.split('\r\n')[1]).toBe(
      '"c1","한결테크, ""본사""","s1","Kaizala Pro","12","2026-12-10","7","Microsoft 365 Business Basic × 25","확인 필요: 라이선스가 공유됨: 보유자 22명 중 이동할 7명을 선택하세요","진행 중: B 단계(파트너 센터에서 확인)"',
    );
    const en = worklistToCsv([{ ...row, replacement: { ...row.replacement!, quantity: 0 }, verdict: 'ready', issues: [] }], 'en');
    expect(en.split('\r\n')[1]).toContain('"Microsoft 365 Business Basic (nothing to buy)","Ready","In progress: step B (seen in Partner Center)"');
  });

  it('writes the same rows as JSON, with the pre-flight as data', () => {
    expect(JSON.parse(worklistToJson([row]))).toEqual({ version: 2, rows: [row] });
  });
});
