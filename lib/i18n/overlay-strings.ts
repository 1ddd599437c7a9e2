/**
 * The words of what every portal page may show: banners, the summary above the grid, the customer
 * list's badges, the page notice and the API's read errors. They ship in the small script every
 * portal page loads (entrypoints/content), apart from the Migrate panel's words (strings.ts).
 * Korean is typed against English, so a key missing in either language fails the build.
 */
export const overlayEn = {
  bannerRegion: 'Retirement notice: {subscription}',
  bannerTitle: '{offer} is being retired.',
  bannerSaleEnded: 'Microsoft ended its sale on {date}.',
  bannerEnds: 'This subscription ends on {date}',
  bannerEndsUnknown: 'The end date of this subscription is not known.',
  daysLeft: '{days} days left',
  dayLeft: '1 day left',
  endsToday: 'ends today',
  urgencyEnded: 'Ended',
  urgencyUrgent: 'Urgent',
  urgencySoon: 'Soon',
  urgencyLater: 'Planned',
  autoRenewOff: 'Auto-renew is off: it will not renew.',
  recommendBuy: 'Recommended: {plan}, {quantity} licenses.',
  recommendNoPurchase: 'No purchase needed: clean up the licenses and suspend it.',
  recommendNone: 'No recommendation: {reason}',
  migrate: 'Migrate',
  migrateLabel: 'Migrate {subscription}',
  summaryOne: '1 subscription of this customer is being retired. It ends on {date}.',
  summaryMany: '{count} subscriptions of this customer are being retired. The first ends on {date}.',
  pageProblem: 'Migration Assistant: {what} did not appear on this page, so retirement notices are not shown here. The rest of the page works as usual.',
  loadFailed: 'Migration Assistant: part of the assistant did not load. Nothing was changed. Reload the page to try again.',
  apiNoSession: 'Migration Assistant: your Partner Center sign-in was not found. Reload the page or sign in again to see retirement notices.',
  apiForbidden: 'Migration Assistant: your account may not read this customer\'s subscriptions.',
  apiThrottled: 'Migration Assistant: Partner Center is busy (too many requests). Retirement notices will appear after a reload in a minute.',
  apiFailed: 'Migration Assistant: Partner Center did not answer as expected, so retirement notices are not shown. Nothing was changed.',
} as const;

export type OverlayKey = keyof typeof overlayEn;

export const overlayKo: Record<OverlayKey, string> = {
  bannerRegion: '사용 중지 알림: {subscription}',
  bannerTitle: '{offer} 구독이 사용 중지됩니다.',
  bannerSaleEnded: 'Microsoft가 {date}에 판매를 종료했습니다.',
  bannerEnds: '이 구독은 {date}에 종료됩니다',
  bannerEndsUnknown: '이 구독의 종료일을 알 수 없습니다.',
  daysLeft: '{days}일 남음',
  dayLeft: '1일 남음',
  endsToday: '오늘 종료',
  urgencyEnded: '종료됨',
  urgencyUrgent: '긴급',
  urgencySoon: '곧 종료',
  urgencyLater: '종료 예정',
  autoRenewOff: '자동 갱신이 해제되어 있어 연장되지 않습니다.',
  recommendBuy: '{plan} 라이선스 {quantity}개 구매를 권장합니다.',
  recommendNoPurchase: '구매할 필요가 없습니다. 라이선스를 정리한 후 구독을 일시 중단하세요.',
  recommendNone: '권장할 요금제가 없습니다. {reason}',
  migrate: '마이그레이션',
  migrateLabel: '{subscription} 마이그레이션',
  summaryOne: '이 고객의 구독 1개가 사용 중지됩니다. {date}에 종료됩니다.',
  summaryMany: '이 고객의 구독 {count}개가 사용 중지됩니다. 가장 빠른 종료일은 {date}입니다.',
  pageProblem: '마이그레이션 도우미: 이 페이지에 {what} 항목이 나타나지 않아 사용 중지 알림을 표시하지 않습니다. 페이지의 나머지 부분은 평소처럼 작동합니다.',
  loadFailed: '마이그레이션 도우미: 일부 기능을 불러오지 못했습니다. 변경된 내용은 없습니다. 페이지를 새로 고친 후 다시 시도하세요.',
  apiNoSession: '마이그레이션 도우미: 파트너 센터 로그인 정보를 찾을 수 없습니다. 사용 중지 알림을 보려면 페이지를 새로 고치거나 다시 로그인하세요.',
  apiForbidden: '마이그레이션 도우미: 현재 계정으로는 이 고객의 구독을 읽을 수 없습니다.',
  apiThrottled: '마이그레이션 도우미: 파트너 센터에 요청이 너무 많습니다. 1분 후 페이지를 새로 고치면 사용 중지 알림이 표시됩니다.',
  apiFailed: '마이그레이션 도우미: 파트너 센터의 응답이 예상과 달라 사용 중지 알림을 표시하지 않습니다. 변경된 내용은 없습니다.',
};
