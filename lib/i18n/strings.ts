/**
 * Our own UI's words (not the portal's labels, which live in lib/portal/). Korean is typed
 * against English, so a key missing in either language fails the build.
 */
export const en = {
  appName: 'Migration Assistant',
  statusReady: 'Ready on this customer',
  statusVisits: 'Opened {count} times since {date}',
  statusStoreFailed: 'Progress storage is unavailable. Nothing was changed; reload the page to try again.',
  statusNotCustomer: 'Open a customer to see retiring subscriptions',
} as const;

export type MessageKey = keyof typeof en;

export const ko: Record<MessageKey, string> = {
  appName: '마이그레이션 도우미',
  statusReady: '이 고객에서 사용할 준비가 되었습니다',
  statusVisits: '{date} 이후 {count}번 열람함',
  statusStoreFailed:
    '진행 상황 저장소를 사용할 수 없습니다. 변경된 내용은 없습니다. 페이지를 새로 고친 후 다시 시도하세요.',
  statusNotCustomer: '사용 중지되는 구독을 보려면 고객을 여세요',
};
